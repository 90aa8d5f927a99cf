/** English strings of the terminal out of service while its order registry is out of reach (issue 20). */
export const registryEn = {
  'registry.body': 'The order registry cannot be reached: the terminal takes no new payments.',
  'registry.reason': 'Reason: {reason}',
  'registry.safe': 'Payments already taken are kept and sent to the registry when it is back; the terminal returns to service by itself.',
  'registry.ask': "Pay at another terminal or ask the salon's employee.",
  'helpText.registryDown': 'The terminal takes no payments now: it cannot reach the order registry, where orders are checked. It returns to service by itself when the registry is back.',
} as const;
