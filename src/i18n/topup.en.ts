/** English strings of the phone top-up at the terminal's Mobile category (issue 13). */
export const topupEn = {
  'topup.title': 'Mobile: top up a phone balance',
  'topup.prompt': 'Phone number to top up (no commission)',
  'topup.cash.phone': 'Top up {phone} ({operator})',
  'topup.cash.credit': 'To the balance',
  'topup.cash.insert': 'Insert banknotes, then press Pay',
  'topup.cash.payLocked': 'Pay is possible after the first banknote',
  'topup.cash.ready': 'Press Pay to top up the balance, or insert more',
  'topup.receipt.service': 'Service',
  'topup.receipt.serviceName': 'Mobile top-up',
  'topup.receipt.phone': 'Phone',
  'topup.receipt.commission': 'Commission',
  'topup.receipt.credited': 'Credited to the balance',
  'topup.receipt.keep': 'Keep this receipt until the money is on the balance',
  'topup.recovered.line': 'Unfinished top-up recovered: {amount}',
  'topup.notice.otherCategory': 'Not available on this terminal: choose {mobile} or {route}.',
} as const;
