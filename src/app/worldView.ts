/** What the world shows: which place has the keys, the program's time, a hint, and the phone's screen. */
import type { SnapshotFrom } from 'xstate';
import type { PhoneContext, phoneMachine } from '../../machines/phone.js';
import { isPlace, type MainPlace, type Place, type WorldHint, type worldMachine } from '../../machines/world.js';
import { awaitingReply } from '../domain/mobile/inbox.js';
import type { MobileSms } from '../domain/store.js';

export type PhoneScreen = 'loading' | 'home' | 'reading' | 'dialing' | 'answered' | 'replying' | 'sendingReply';

export interface PhoneView extends PhoneContext {
  screen: PhoneScreen;
  /** R-MOB-2: the SMS that waits for a reply (`r` answers it), or null */
  replyingTo: MobileSms | null;
  canReply: boolean;
}

export interface WorldView {
  /** the place that has the keys */
  place: Place;
  /** the place drawn in the main area: the phone stands beside it */
  shown: MainPlace;
  now: number;
  hint: WorldHint | null;
}

export function worldViewOf(snapshot: SnapshotFrom<typeof worldMachine>): WorldView {
  const value = String(snapshot.value);
  const place: Place = isPlace(value) ? value : 'terminal';
  return { place, shown: place === 'phone' ? snapshot.context.behindPhone : place, now: snapshot.context.now, hint: snapshot.context.hint };
}

export function phoneViewOf(snapshot: SnapshotFrom<typeof phoneMachine>): PhoneView {
  const replyingTo = awaitingReply(snapshot.context.inbox);
  return { ...snapshot.context, screen: String(snapshot.value) as PhoneScreen, replyingTo, canReply: replyingTo !== null };
}
