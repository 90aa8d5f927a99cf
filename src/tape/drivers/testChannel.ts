/**
 * The private control channel between `kiosk tape run --pty` and a kiosk started with
 * KIOSK_TEST_CLOCK: OSC escapes no terminal acts on. Requests go in on stdin and are taken out
 * before Ink sees them; each answer comes back on stdout once the kiosk has settled.
 *
 *   request  ESC ] 7777 ; kiosk-test ; <id> ; sync            BEL
 *            ESC ] 7777 ; kiosk-test ; <id> ; advance=<ms>    BEL
 *            ESC ] 7777 ; kiosk-test ; <id> ; send=<base64 JSON {to, event}> BEL   (to the world, or the desk with the keys)
 *   answer   ESC ] 7777 ; kiosk-test ; <id> ; <base64 JSON>  BEL   (view, the desk's view, new receipts)
 */
import type { Receipt } from '../../domain/store.js';
import { seededRandom } from '../../domain/training/variant.js';
import type { DeskView } from '../../../machines/desk/deskView.js';
import type { DriverView } from './driver.js';

/**
 * [choice] The site's payment codes in a tape come from this fixed seed, a fresh stream at each
 * launch, in-process and under --pty alike (KIOSK_TEST_CLOCK): a tape's run is reproducible and
 * `--parity` compares the same codes on both sides. A real kiosk draws them from node:crypto.
 */
export const TAPE_RANDOM_SEED = 21;
export const tapeRandom = (): (() => number) => seededRandom(TAPE_RANDOM_SEED);

export const CHANNEL_PREFIX = '\x1b]7777;kiosk-test;';
export const CHANNEL_END = '\x07';

/** An event a tape step sends past the keyboard: `Set Role` to the world, the till's `Customer`/`Give` to the desk. */
export interface ChannelSend {
  to: 'world' | 'desk';
  event: { type: string } & Record<string, unknown>;
}

export type ChannelRequest =
  | { id: number; kind: 'sync' }
  | { id: number; kind: 'advance'; ms: number }
  | ({ id: number; kind: 'send' } & ChannelSend);

export interface ChannelAnswer {
  id: number;
  view: DriverView;
  /** the desk that has the keys (the cashier, the Post), or null when another place has them */
  desk: DeskView | null;
  /** receipts printed since the last answer */
  receipts: Receipt[];
}

const base64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

export function encodeRequest(request: ChannelRequest): string {
  const body = request.kind === 'sync' ? 'sync' : request.kind === 'advance' ? `advance=${request.ms}` : `send=${base64({ to: request.to, event: request.event })}`;
  return `${CHANNEL_PREFIX}${request.id};${body}${CHANNEL_END}`;
}

export function decodeRequest(body: string): ChannelRequest | null {
  const m = /^(\d+);(?:(sync)|advance=(\d+)|send=([A-Za-z0-9+/=]+))$/.exec(body);
  if (!m) return null;
  const id = Number(m[1]);
  if (m[2]) return { id, kind: 'sync' };
  if (m[3]) return { id, kind: 'advance', ms: Number(m[3]) };
  const sent = JSON.parse(Buffer.from(m[4] as string, 'base64').toString('utf8')) as Partial<ChannelSend>;
  if ((sent.to !== 'world' && sent.to !== 'desk') || typeof sent.event?.type !== 'string') return null;
  return { id, kind: 'send', to: sent.to, event: sent.event };
}

export function encodeAnswer(answer: ChannelAnswer): string {
  const { id, ...rest } = answer;
  return `${CHANNEL_PREFIX}${id};${base64(rest)}${CHANNEL_END}`;
}

export function decodeAnswer(body: string): ChannelAnswer | null {
  const m = /^(\d+);([A-Za-z0-9+/=]+)$/.exec(body);
  if (!m) return null;
  return { id: Number(m[1]), ...(JSON.parse(Buffer.from(m[2] as string, 'base64').toString('utf8')) as Omit<ChannelAnswer, 'id'>) };
}

/**
 * Splits a stream into plain data and channel messages; a message cut across two chunks is kept
 * until its end arrives.
 */
export class ChannelSplitter {
  private carry = '';
  push(chunk: string): { data: string; messages: string[] } {
    let text = this.carry + chunk;
    this.carry = '';
    let data = '';
    const messages: string[] = [];
    for (;;) {
      const start = text.indexOf(CHANNEL_PREFIX);
      if (start < 0) {
        // keep a possible start of a prefix for the next chunk
        const partial = longestPrefixSuffix(text, CHANNEL_PREFIX);
        data += text.slice(0, text.length - partial);
        this.carry = text.slice(text.length - partial);
        return { data, messages };
      }
      const end = text.indexOf(CHANNEL_END, start);
      if (end < 0) {
        data += text.slice(0, start);
        this.carry = text.slice(start);
        return { data, messages };
      }
      data += text.slice(0, start);
      messages.push(text.slice(start + CHANNEL_PREFIX.length, end));
      text = text.slice(end + 1);
    }
  }
}

/** How many characters at the end of `text` could begin `prefix` (a lone ESC is held back only with more of the prefix behind it). */
function longestPrefixSuffix(text: string, prefix: string): number {
  for (let n = Math.min(text.length, prefix.length - 1); n >= 2; n--) {
    if (prefix.startsWith(text.slice(text.length - n))) return n;
  }
  return 0;
}
