/**
 * A terminal on a PostgreSQL registry with its own journal (issue 20, part 4). The cash path —
 * opening a session, each note, the payment — is written to the terminal's journal (SQLite, in its
 * data directory) first and then to the registry; everything else goes to the registry as it is.
 * While the registry is out of reach, a session already taking cash is finished from the journal
 * (the receipt printed with the terminal's own number) and its payment waits in the outbox; the
 * forwarder (outboxForwarder.ts) sends it when the registry is back, stored once by its key.
 * New customers need the registry (their order is looked up there), so they are refused meanwhile.
 */
import type { CashSession, Checkpoint, CommandStore, PaymentOutcome } from '../domain/store.js';
import type { Settlement } from '../domain/cash/settlement.js';
import { isTopUp } from '../domain/mobile/topup.js';
import { StoreError } from './errors.js';
import type { TerminalJournal } from './terminalJournal.js';
import type { PgStore } from './pg/pgStore.js';

/** What the terminal knows of its registry: reachable, or not since a failure with its reason. */
export interface RegistryLink {
  reachable: boolean;
  /** the failure as the driver said it (the registry's URL left out), while unreachable */
  reason: string | null;
}

/** A registry failure that says nothing about the data: the server cannot be reached (StoreError 'io'). */
export const isUnreachable = (error: unknown): boolean => error instanceof StoreError && error.code === 'io';

/** The failure as the screen says it: the driver's words, without the registry's URL in front (one long word at 80 columns). */
export function linkReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof StoreError && message.startsWith(`${error.path}: `) ? message.slice(error.path.length + 2) : message;
}

export interface JournaledOptions {
  processingDelayMs: number;
  checkpoint?: Checkpoint;
  /** called when the registry goes out of reach or comes back */
  onLink?: (link: RegistryLink) => void;
  /** called when a payment stays in the outbox (the forwarder's cue to try again later) */
  onOutbox?: () => void;
}

/** The methods the journal takes over; the rest of `CommandStore` is the registry's. */
const JOURNALED = new Set<string | symbol>(['openSession', 'journalNote', 'completePayment', 'abandonSession', 'unfinishedSessions', 'close']);

export class JournaledRegistry {
  private link: RegistryLink = { reachable: true, reason: null };
  /** sessions whose notes the registry missed: the rest of their notes go with the payment */
  private readonly behind = new Set<string>();
  private readonly checkpoint: Checkpoint;
  /** terminals whose registry receipt numbers the journal has started above */
  private readonly floored = new Set<string>();

  constructor(readonly registry: PgStore, readonly journal: TerminalJournal, private readonly options: JournaledOptions) {
    this.checkpoint = options.checkpoint ?? (() => {});
  }

  /** The store callers use: the journaled cash path, the registry for the rest. */
  asStore(): CommandStore & { readonly path: string } {
    return new Proxy(this.registry, {
      get: (target, name, receiver) => {
        if (JOURNALED.has(name)) {
          const own = (this as unknown as Record<string | symbol, (...args: unknown[]) => unknown>)[name]!;
          return own.bind(this);
        }
        const value: unknown = Reflect.get(target, name, receiver);
        if (typeof value !== 'function') return value;
        // every registry call tells the link: a lookup failing for want of the server puts the kiosk out of service
        return (...args: unknown[]) => {
          const result = (value as (...args: unknown[]) => unknown).apply(target, args);
          return result instanceof Promise ? this.noted(result) : result;
        };
      },
    });
  }

  status(): RegistryLink {
    return this.link;
  }

  /** a registry call succeeded or failed for want of the server: tell the screen when that changes */
  noteLink(error: unknown | null): void {
    const reachable = error === null;
    if (reachable === this.link.reachable) return;
    this.link = { reachable, reason: reachable ? null : linkReason(error) };
    this.options.onLink?.(this.link);
  }

  /** a new customer: the order is looked up in the registry (out of reach: refused, nothing kept) */
  async openSession(session: Omit<CashSession, 'notes'>): Promise<void> {
    const order = isTopUp(session) ? null : await this.reach(() => this.registry.findOrder(session.code));
    if (!this.floored.has(session.terminalId)) {
      this.journal.raiseSeqFloor(session.terminalId, await this.reach(() => this.registry.lastReceiptSeq(session.terminalId)));
      this.floored.add(session.terminalId);
    }
    this.journal.openSession(session, order ?? null);
    try {
      await this.reach(() => this.registry.openSession(session));
    } catch (error) {
      this.journal.abandon(session.id);
      throw error;
    }
  }

  /** durable in the journal before it resolves; the registry hears of it now, or with the payment */
  async journalNote(sessionId: string, note: number, at: number): Promise<void> {
    this.journal.journalNote(sessionId, note, at);
    if (this.behind.has(sessionId)) return;
    try {
      await this.reach(() => this.registry.journalNote(sessionId, note, at));
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      this.behind.add(sessionId);
    }
  }

  /**
   * Paid in the journal first (the receipt's number is the terminal's own), then forwarded. Out of
   * reach: the journal's outcome (the order as known when the session opened; no SMS yet).
   */
  async completePayment(sessionId: string, trigger: Settlement['trigger'], at: number, recovered = false): Promise<PaymentOutcome> {
    // a session from before this terminal kept a journal lives only in the registry
    if (!this.journal.has(sessionId)) return this.reach(() => this.registry.completePayment(sessionId, trigger, at, recovered));
    const { payment, earlier } = this.journal.pay(sessionId, trigger, at, recovered, this.options.processingDelayMs);
    this.checkpoint('forward:before');
    // Stryker disable next-line ArrowFunction: equivalent, because null and undefined are read alike below (`!forwarded`, `??`)
    const forwarded = await this.forward(payment.entry.session.id).catch(() => null);
    this.behind.delete(sessionId);
    if (!forwarded) this.options.onOutbox?.();
    const outcome: PaymentOutcome = forwarded ?? { receipt: payment.receipt, order: payment.order, sms: [] };
    const { alreadyPaid: _heardBefore, ...rest } = outcome;
    return earlier ? { ...rest, alreadyPaid: true } : rest;
  }

  /**
   * Sends one journal payment to the registry and marks it forwarded. The kill between the two
   * ('forward:during') sends it again on the next start: the registry finds its key and keeps one.
   */
  async forward(sessionId: string): Promise<PaymentOutcome> {
    const payment = this.journal.payment(sessionId);
    if (!payment) throw new Error(`no journal payment of cash session ${sessionId}`);
    const outcome = await this.reach(() => this.registry.forwardPayment(payment.entry));
    this.checkpoint('forward:during');
    this.journal.markForwarded(sessionId, payment.entry.at);
    this.checkpoint('forward:after');
    return outcome;
  }

  async abandonSession(sessionId: string): Promise<void> {
    this.journal.abandon(sessionId);
    await this.reach(() => this.registry.abandonSession(sessionId)).catch((error: unknown) => {
      if (!isUnreachable(error)) throw error;
    });
  }

  /** the journal's unfinished sessions, and the registry's of sessions the journal never had */
  async unfinishedSessions(terminalId?: string): Promise<CashSession[]> {
    const own = this.journal.unfinished(terminalId);
    const theirs = await this.reach(() => this.registry.unfinishedSessions(terminalId)).catch((error: unknown) => {
      if (isUnreachable(error)) return [];
      throw error;
    });
    return [...own, ...theirs.filter((session) => !this.journal.has(session.id))];
  }

  async close(): Promise<void> {
    this.journal.close();
    await this.registry.close();
  }

  /** one round trip to the registry, for the probe (registryProbe.ts): the link changes if it answers otherwise */
  probe(timeoutMs?: number): Promise<void> {
    return this.reach(() => this.registry.ping(timeoutMs));
  }

  /** a registry call's promise, keeping the link's state */
  private noted<T>(call: Promise<T>): Promise<T> {
    return this.reach(() => call);
  }

  /** runs a registry call, keeping the link's state */
  async reach<T>(call: () => Promise<T>): Promise<T> {
    try {
      const result = await call();
      this.noteLink(null);
      return result;
    } catch (error) {
      if (isUnreachable(error)) this.noteLink(error);
      throw error;
    }
  }
}
