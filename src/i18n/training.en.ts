/** English strings of the Training place (issue 15): the catalog and the debrief (screens/training/). */
export const trainingEn = {
  'training.catalog.title': 'Training · exercises',
  'training.catalog.pager': 'page {page}/{pages} · PgDn PgUp',
  'training.catalog.difficulty': 'difficulty {n}/3',
  'training.place.terminal': 'Terminal',
  'training.place.cashier': 'Cashier',
  'training.place.post': 'Russian Post',
  'training.place.site': 'Site',
  'training.place.phone': 'Mobile payment',
  'training.debrief.title': 'Debrief · {title} · {trainee}',
  'training.debrief.score': 'Score {score} of {max} · time {time}',
  'training.debrief.abandoned': 'Stopped before the end: the rest counts as missed',
  'training.debrief.mistakes': 'Mistakes',
  'training.debrief.none': 'No mistakes: every checkpoint passed.',
  'training.debrief.source': 'Source: {text}',
  'training.debrief.right': 'Right: {text}',
} as const;
