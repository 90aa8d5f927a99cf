/**
 * `kiosk train report --xapi-send URL --xapi-auth USER:KEY` (issue 18): the attempts' xAPI statements
 * go through the outbox in the data directory to the LRS. Exit 0 once the outbox is empty; exit 1
 * with the statements still waiting when the LRS cannot be reached or refuses. The key is never printed.
 */
import type { AttemptRecord } from '../domain/training/attempt.js';
import { attemptStatements, DEFAULT_HOME_PAGE } from '../domain/training/xapi.js';
import { outboxPath, OUTBOX_FILE } from '../adapters/xapiOutbox.js';
import { sendStatements, shownEndpoint } from '../adapters/xapiSend.js';
import { resolveDataDir } from '../store/dataPath.js';
import { UsageError } from './args.js';
import { text, type Values } from './storeArgs.js';
import type { ReportFormat } from './trainReportFormats.js';

export const XAPI_HELP = `  --xapi-send URL  send the attempts as xAPI statements to the LRS at URL
                   (to URL/statements, X-Experience-API-Version 1.0.3); they
                   wait in ${OUTBOX_FILE} in the data directory until
                   accepted: the same command again resumes. Sending twice
                   changes nothing (the statements' ids are fixed)
  --xapi-auth K:S  the LRS's key and secret, sent as Basic auth, never printed
                   (default: the KIOSK_XAPI_AUTH environment variable)
  --xapi-home URL  the trainees' accounts' home page (default
                   ${DEFAULT_HOME_PAGE})`;

export interface XapiCliOptions {
  send: { endpoint: string; auth: string } | null;
  homePage: string;
}

function parseUrl(flag: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // not echoed: a mistyped URL may still hold a password
    throw new UsageError(`--${flag}: expected a URL like https://lrs.example.org/xapi`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--${flag}: expected an http or https URL, got "${url.protocol}"`);
  return value;
}

export function parseXapiOptions(values: Values, format: ReportFormat): XapiCliOptions {
  const homePage = parseUrl('xapi-home', text(values, 'xapi-home') ?? DEFAULT_HOME_PAGE);
  const endpoint = text(values, 'xapi-send');
  const auth = text(values, 'xapi-auth') ?? process.env.KIOSK_XAPI_AUTH;
  if (endpoint === undefined) {
    if (text(values, 'xapi-auth') !== undefined) throw new UsageError('--xapi-auth goes with --xapi-send URL');
    return { send: null, homePage };
  }
  parseUrl('xapi-send', endpoint);
  if (format !== 'xapi' && text(values, 'format') !== undefined) throw new UsageError(`--xapi-send sends xAPI statements: not with --format ${format}`);
  if (values.memory === true) throw new UsageError('--xapi-send keeps what the LRS has not accepted in the data directory: not with --memory');
  // the value itself is never echoed: it is a secret
  if (auth === undefined || !/^[^:]+:.+$/.test(auth)) throw new UsageError('--xapi-auth: expected the LRS key and secret as KEY:SECRET (or KIOSK_XAPI_AUTH)');
  return { send: { endpoint, auth }, homePage };
}

/** Sends and says what happened: how many were accepted, or why not and how many wait. */
export async function sendXapi(
  attempts: readonly AttemptRecord[],
  options: { endpoint: string; auth: string; passPercent: number; homePage: string },
  values: Values,
): Promise<number> {
  const outbox = outboxPath(resolveDataDir(text(values, 'data-dir') ?? process.env.KIOSK_DATA_DIR ?? null));
  const statements = attempts.flatMap((a) => attemptStatements(a, { passPercent: options.passPercent, homePage: options.homePage }));
  const result = await sendStatements(statements, { endpoint: options.endpoint, auth: options.auth, outbox });
  const where = shownEndpoint(options.endpoint);
  if (result.ok) {
    process.stdout.write(`Sent ${result.sent} xAPI statement${result.sent === 1 ? '' : 's'} to ${where}; nothing waits in the outbox.\n`);
    return 0;
  }
  process.stderr.write(
    `kiosk train report: ${where}: ${result.reason}.\n` +
      `${result.sent} sent; ${result.waiting} wait in ${outbox}: run the same command again to resume.\n`,
  );
  return 1;
}
