/** What the world shows: which place has the keys, the program's time, a hint, and the phone's screen. */
import type { SnapshotFrom } from 'xstate';
import type { PhoneContext, phoneMachine } from '../../machines/phone.js';
import type { Place, WorldHint, worldMachine } from '../../machines/world.js';
import type { CodeSms } from '../domain/orders/catalog.js';
import { ALIEXPRESS_SENDER } from '../domain/orders/orderLife.js';
import type { PhoneMessage, Sms } from '../domain/store.js';

export type PhoneScreen = 'loading' | 'home' | 'reading' | 'dialing' | 'answered';

export interface PhoneView extends PhoneContext {
  screen: PhoneScreen;
}

export interface WorldView {
  /** the place that has the keys */
  place: Place;
  /** the place drawn in the main area: the phone stands beside it */
  shown: Exclude<Place, 'phone'>;
  now: number;
  hint: WorldHint | null;
}

export function worldViewOf(snapshot: SnapshotFrom<typeof worldMachine>): WorldView {
  const value = String(snapshot.value);
  const place: Place = value === 'site' || value === 'phone' ? value : 'terminal';
  return { place, shown: place === 'phone' ? snapshot.context.behindPhone : place, now: snapshot.context.now, hint: snapshot.context.hint };
}

export function phoneViewOf(snapshot: SnapshotFrom<typeof phoneMachine>): PhoneView {
  return { ...snapshot.context, screen: String(snapshot.value) as PhoneScreen };
}

/** The small phone beside every place: whose it is and every SMS it got, oldest first (as a store keeps them). */
export interface PhonePanelView {
  phone: string;
  messages: PhoneMessage[];
}

const messageKey = (m: PhoneMessage): string => `${m.kind}|${m.at}|${m.kind === 'topup' ? m.receipt : m.code}|${m.amount}`;

/**
 * Every SMS to the customer's phone: the store's inbox as the phone last read it, and what the
 * places sent since (the site's codes, the terminal's change), so a code or change shows at once.
 * The customer is the one the newest SMS of a place went to, else the phone's own number (the
 * world's rule for the F2 phone, machines/world.ts `customerPhone`).
 */
export function phonePanelOf(phone: PhoneView, terminalSms: readonly Sms[], siteSms: readonly CodeSms[]): PhonePanelView {
  const sent: PhoneMessage[] = [...terminalSms, ...siteSms.map((c) => ({ phone: c.phone, at: c.at, sender: ALIEXPRESS_SENDER, kind: c.kind, amount: c.amount, code: c.code }))];
  const newestSent = sent.reduce<PhoneMessage | null>((last, m) => (!last || m.at >= last.at ? m : last), null);
  const number = newestSent?.phone ?? phone.phone;
  const byKey = new Map<string, PhoneMessage>();
  // the phone's inbox is newest first; everything else here is oldest first
  const known = phone.phone === number ? [...phone.inbox].reverse() : [];
  for (const m of [...known, ...sent]) if (m.phone === number && !byKey.has(messageKey(m))) byKey.set(messageKey(m), m);
  // by time; at the same moment, in the order they were sent (sort is stable)
  const messages = [...byKey.values()].sort((a, b) => a.at - b.at);
  return { phone: number, messages };
}
