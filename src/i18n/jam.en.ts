/** English strings of the bill acceptor jam (issue 14). */
export const jamEn = {
  'jam.title': 'Out of service',
  'jam.body': 'The bill acceptor is jammed: it holds your {held} note.',
  'jam.safe': "The note is recorded and will not be lost: when the salon's staff clear the jam, it is credited to your payment (the order first, the rest to your phone).",
  'jam.counted': 'Counted before the jam: {inserted}',
  'jam.ask': "Please ask the salon's employee.",
  'jam.helpLine': 'h help · q quit',
  'jam.clear': 'Clear jam',
  'jam.service': 'Bill acceptor jammed: holds {held}',
  'jam.busy': 'Clearing the jam…',
  'helpText.outOfService': 'The terminal takes no payments now: the bill acceptor is jammed. Your note is recorded and is credited when the staff clear the jam.',
} as const;
