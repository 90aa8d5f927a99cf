/**
 * Sends the xAPI outbox to a Learning Record Store (issue 18): POST URL/statements in batches, with
 * `X-Experience-API-Version: 1.0.3` and Basic auth. Each accepted batch leaves the outbox at once;
 * the first refusal or network failure stops the send with the rest still waiting. The credentials
 * go only into the Authorization header: no message here ever contains them.
 */
import { mergeIntoOutbox, readOutbox, writeOutbox, type OutboxStatement } from './xapiOutbox.js';

export const XAPI_VERSION = '1.0.3';
/** statements per POST: small enough for any LRS's request limit */
export const BATCH_SIZE = 50;
const TIMEOUT_MS = 30_000;

export interface SendOptions {
  /** the LRS's endpoint, e.g. https://lrs.example.org/xapi (statements go to its /statements) */
  endpoint: string;
  /** `user:key` */
  auth: string;
  outbox: string;
  fetch?: typeof fetch;
}

export type SendResult =
  | { ok: true; sent: number }
  | { ok: false; sent: number; waiting: number; reason: string };

/** The endpoint as it may be shown: without any user:password@ it was given with. */
export function shownEndpoint(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return '(not a URL)';
  }
}

export const statementsUrl = (endpoint: string): string => {
  const url = new URL(endpoint);
  url.username = '';
  url.password = '';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/statements`;
  return url.toString();
};

/** Adds `fresh` to the outbox (durably), then sends the whole outbox, batch by batch. */
export async function sendStatements(fresh: readonly OutboxStatement[], options: SendOptions): Promise<SendResult> {
  const doFetch = options.fetch ?? fetch;
  let waiting = mergeIntoOutbox(readOutbox(options.outbox), fresh);
  writeOutbox(options.outbox, waiting);
  const headers = {
    'Content-Type': 'application/json',
    'X-Experience-API-Version': XAPI_VERSION,
    Authorization: `Basic ${Buffer.from(options.auth, 'utf8').toString('base64')}`,
  };
  let sent = 0;
  while (waiting.length > 0) {
    const batch = waiting.slice(0, BATCH_SIZE);
    const refused = await post(doFetch, statementsUrl(options.endpoint), headers, batch);
    if (refused !== null) return { ok: false, sent, waiting: waiting.length, reason: redacted(refused, options.auth) };
    waiting = waiting.slice(batch.length);
    writeOutbox(options.outbox, waiting);
    sent += batch.length;
  }
  return { ok: true, sent };
}

/** An LRS that echoes the request back must not make us print the key. */
const redacted = (text: string, auth: string): string =>
  [auth, Buffer.from(auth, 'utf8').toString('base64'), auth.split(':').slice(1).join(':')].filter((secret) => secret.length >= 3).reduce((t, secret) => t.split(secret).join('***'), text);

/** null when the LRS accepted the batch, else why not (never the credentials). */
async function post(doFetch: typeof fetch, url: string, headers: Record<string, string>, batch: readonly OutboxStatement[]): Promise<string | null> {
  let response: Response;
  try {
    response = await doFetch(url, { method: 'POST', headers, body: JSON.stringify(batch), signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return `cannot reach the LRS (${cause?.code ?? cause?.message ?? (error as Error).name})`;
  }
  if (response.ok) {
    await response.body?.cancel();
    return null;
  }
  const body = (await response.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, 200);
  const hint = response.status === 401 || response.status === 403 ? ': check --xapi-auth' : response.status === 409 ? ': it holds different statements with these ids' : '';
  return `the LRS refused them (HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${hint})${body ? `: ${body}` : ''}`;
}
