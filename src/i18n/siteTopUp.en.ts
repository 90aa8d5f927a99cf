/** English strings of the site's phone top-up (R-MOB-10). */
export const siteTopUpEn = {
  'site.button.topUp': 'Top up a phone',
  'sms.topUpCode': 'Phone top-up payment code {code}: {amount}. Valid {hours}; pay in cash at a terminal, a salon or the post office.',
  'site.title.topUp': 'Top up a phone',
  'site.title.placingTopUp': 'Placing the top-up',
  'site.help.topUp': '0–9 phone, then amount · Enter place · Esc back',
  'site.topUp.rules': 'At most {limit} a month per phone. The code comes by SMS; pay it in cash within {minutes} min.',
  'site.topUp.phone': 'Phone to top up',
  'site.topUp.amount': 'Amount, whole rubles',
  'site.topUp.place': 'Place the top-up',
  'site.topUp.amountMissing': 'Type the amount in whole rubles after the phone',
  'site.topUp.refused': 'Refused: at most {limit} a month per phone; {left} left this month. The limit resets on {resets}.',
};
