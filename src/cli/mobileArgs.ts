/** The kiosk's mobile payment flags (issue 13): the operators' options, the reply time, the processing time. */
import { mobileRules, type MobileOptions, type MobileRules } from '../domain/mobile/mobileRules.js';

export const MOBILE_FLAGS = {
  'mobile-options': { type: 'string' },
  'reply-timeout': { type: 'string' },
  'mobile-processing': { type: 'string' },
} as const;

const OPTION_NAMES: Readonly<Record<string, keyof MobileOptions>> = {
  'keep-minimum': 'keepMinimum',
  'one-request': 'oneOpenRequest',
  'tele2-2.35': 'tele2Commission235',
};

export const MOBILE_HELP = `  --mobile-options LIST           mobile payment options (comma-separated, off
                                  by default): keep-minimum (Beeline keeps 50 ₽,
                                  Tele2 10 ₽ on the balance), one-request (one
                                  unanswered request a phone), tele2-2.35
  --reply-timeout 15m             no reply to the payment SMS in time cancels it
  --mobile-processing 1h          how long a mobile payment processes (max 24h)`;

/**
 * The mobile rules the flags ask for. `parseDuration` is the kiosk's timeout parser (1 s to 24 h) and
 * `usage` makes its usage error: both come from args.ts, which imports this file.
 */
export function parseMobileFlags(values: Record<string, unknown>, parseDuration: (flag: string, text: string) => number, usage: (message: string) => Error): MobileRules {
  const options: MobileOptions = {};
  const list = values['mobile-options'];
  if (typeof list === 'string') {
    for (const name of list.split(',').map((s) => s.trim()).filter(Boolean)) {
      const key = OPTION_NAMES[name];
      if (!key) throw usage(`--mobile-options: expected ${Object.keys(OPTION_NAMES).join(', ')}, got "${name}"`);
      options[key] = true as never;
    }
  }
  const reply = values['reply-timeout'];
  if (typeof reply === 'string') options.replyTimeoutMs = parseDuration('reply-timeout', reply);
  const processing = values['mobile-processing'];
  if (typeof processing === 'string') options.processingDelayMs = parseDuration('mobile-processing', processing);
  return mobileRules(options);
}
