/** English strings of the receipt printer's paper (issue 14). */
export const paperEn = {
  'paper.out': 'No paper in the printer: the receipt will come by SMS to your change phone.',
  'paper.outPhone': 'No paper in the printer: the receipt will come by SMS to this number.',
  'paper.bySms': 'No paper: the receipt was sent by SMS to {phone}.',
  'paper.serviceOut': 'Printer: out of paper',
  'paper.serviceOk': 'Printer: paper loaded',
  'paper.load': 'Load paper',
  'sms.receipt': 'Receipt {receipt}, order {code}: accepted {amount}, to the order {toOrder}, to the phone {toPhone}',
} as const;
