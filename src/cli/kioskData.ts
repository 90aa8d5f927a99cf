/**
 * The store the interactive kiosk runs on: the SQLite file in the data directory, or memory
 * (`--memory`). SQLite is imported only when used, so `--memory` and `--help` never load it.
 */
import { seedDemo, seedDemoInto } from '../domain/orders/demo.js';
import { maskUrl } from '../store/pg/pgUrl.js';
import { asyncStore } from '../domain/asyncStore.js';
import { MemoryStore } from '../domain/memoryStore.js';
import type { Lang } from '../domain/money.js';
import { receiptText } from '../domain/fiscal/receiptText.js';
import { fitsOrderLength, type Order } from '../domain/orders/orders.js';
import { DEFAULT_RULES, type KioskRules } from '../domain/rules.js';
import type { Checkpoint, CommandStore, KioskStore, Receipt } from '../domain/store.js';
import { resolveDataDir } from '../store/dataPath.js';
import { StoreError } from '../store/errors.js';
import { count } from './storeOutput.js';
import type { PgStore } from '../store/pg/pgStore.js';
import type { BackoffOptions } from '../store/outboxForwarder.js';
import type { RegistryLink } from '../store/journaledRegistry.js';

/** A terminal on a registry: whether the registry is within reach now, and each change (journaledRegistry.ts). */
export interface RegistryLinkFeed {
  current(): RegistryLink;
  /** `listener` hears every change from now on */
  subscribe(listener: (link: RegistryLink) => void): void;
}

export interface KioskData {
  store: KioskStore;
  /** on a registry only: its link, which the app shell tells the terminal (out of service while it is out of reach) */
  link?: RegistryLinkFeed;
  /** keeps the receipt as printed, so `kiosk receipts show` prints the same text */
  keepPrinted(receipt: Receipt, lang: Lang, header?: string): Promise<void>;
}

export interface DataChoice {
  memory: boolean;
  /** the rules the store applies when it writes: how long cash paid at a terminal processes (R-CODE-6) */
  rules?: Pick<KioskRules, 'processingDelayMs'>;
  /** --data-dir or KIOSK_DATA_DIR; null for the default */
  dataDir: string | null;
  /** --store or KIOSK_STORE: a PostgreSQL registry's URL, which wins over the data directory */
  store?: string | null;
  /** on a registry: the outbox forwarder's waits between tries (default DEFAULT_BACKOFF) */
  forwardRetry?: BackoffOptions;
  /** on a registry: the wait between two probes of it (default DEFAULT_PROBE_MS) */
  registryProbeMs?: number;
  /** on a registry: how long a probe waits for its answer (default DEFAULT_PROBE_TIMEOUT_MS) */
  registryProbeTimeoutMs?: number;
}

/** Where the data lives, for `kiosk --help` and error messages. */
export function describeDataLocation(choice: DataChoice, env: NodeJS.ProcessEnv = process.env): string {
  if (choice.store) return `the PostgreSQL registry ${maskUrl(choice.store)}`;
  return choice.memory ? 'in memory only (--memory): nothing is kept' : resolveDataDir(choice.dataDir, env);
}

/** Opens the store; a new database gets the demo orders once. Throws StoreError for a bad file or directory. */
export async function openKioskData(choice: DataChoice, checkpoint: Checkpoint): Promise<KioskData> {
  const processingDelayMs = choice.rules?.processingDelayMs ?? DEFAULT_RULES.processingDelayMs;
  if (choice.memory) {
    const store = new MemoryStore({ processingDelayMs });
    seedDemo(store, Date.now());
    return { store: asyncStore(store), keepPrinted: async () => {} };
  }
  if (choice.store) {
    const { PgStore } = await import('../store/pg/pgStore.js');
    const registry = await PgStore.open(choice.store, { checkpoint, processingDelayMs });
    // a new registry starts with the demo orders, as a new data directory does
    await seedDemoInto(registry, Date.now());
    const { store, link } = await journaledTerminal(registry, resolveDataDir(choice.dataDir), checkpoint, processingDelayMs, choice);
    return { store, link, keepPrinted: printedKeeper(store, checkpoint) };
  }
  const { openDataStore } = await import('../store/dataDir.js');
  const store = asyncStore(openDataStore(resolveDataDir(choice.dataDir), { checkpoint, processingDelayMs, seed: (s) => seedDemo(s, Date.now()) }));
  return { store, keepPrinted: printedKeeper(store, checkpoint) };
}

/**
 * A terminal on a registry keeps its own journal and outbox in its data directory (issue 20): the
 * outbox is forwarded first, before the first customer, then after each failure with a growing wait,
 * and at once when the registry is back. A probe every few seconds tells an idle terminal that the
 * registry went out of reach or came back (the link, which the app shell tells the kiosk).
 */
async function journaledTerminal(
  registry: PgStore, dataDir: string, checkpoint: Checkpoint, processingDelayMs: number, choice: Pick<DataChoice, 'forwardRetry' | 'registryProbeMs' | 'registryProbeTimeoutMs'>,
): Promise<{ store: CommandStore; link: RegistryLinkFeed }> {
  const [{ TerminalJournal }, { JournaledRegistry }, { OutboxForwarder }, { RegistryProbe }] = await Promise.all([
    import('../store/terminalJournal.js'), import('../store/journaledRegistry.js'), import('../store/outboxForwarder.js'), import('../store/registryProbe.js')]);
  // real timers, unreferenced: a retry or a probe never keeps the program from ending
  const timers = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms).unref(), clearTimeout: (id: unknown) => clearTimeout(id as NodeJS.Timeout) };
  let forwarder: InstanceType<typeof OutboxForwarder> | null = null;
  const listeners: Array<(link: RegistryLink) => void> = [];
  const journaled = new JournaledRegistry(registry, TerminalJournal.open(dataDir), {
    processingDelayMs, checkpoint, onOutbox: () => forwarder?.retryLater(),
    onLink: (link) => {
      // back: the outbox goes now, not at the backoff's next try (on the next turn, after the call that noticed finishes its own bookkeeping)
      if (link.reachable) timers.setTimeout(() => void forwarder?.run().catch(() => forwarder?.retryLater()), 0);
      for (const listener of listeners) listener(link);
    },
  });
  forwarder = new OutboxForwarder(journaled, timers, choice.forwardRetry);
  await forwarder.run();
  const probe = new RegistryProbe((timeoutMs) => journaled.probe(timeoutMs), timers, choice.registryProbeMs, choice.registryProbeTimeoutMs);
  probe.start();
  const store = journaled.asStore();
  const closing = new Proxy(store, {
    get: (target, name, receiver) => (name === 'close' ? async () => { probe.stop(); forwarder?.stop(); await store.close(); } : Reflect.get(target, name, receiver) as unknown),
  });
  return { store: closing, link: { current: () => journaled.status(), subscribe: (listener) => void listeners.push(listener) } };
}

/**
 * Tells the terminal its registry's link (issue 20): `registry.lost` with the reason while it is out
 * of reach (the kiosk goes out of service), `registry.back` when it answers again. The app shell
 * (src/cli/run.tsx) calls it once the terminal runs; a link already lost is told at once.
 */
export function tellRegistryLink(link: RegistryLinkFeed | undefined, send: (event: { type: 'registry.lost'; reason: string } | { type: 'registry.back' }) => void, onTold?: (link: RegistryLink) => void): void {
  if (!link) return;
  const tell = (now: RegistryLink) => {
    send(now.reachable ? { type: 'registry.back' } : { type: 'registry.lost', reason: now.reason ?? '' });
    onTold?.(now);
  };
  link.subscribe(tell);
  if (!link.current().reachable) tell(link.current());
}

/** Keeps the receipt as printed, so `kiosk receipts show` prints the same text. */
function printedKeeper(store: Pick<CommandStore, 'setReceiptText'>, checkpoint: Checkpoint): KioskData['keepPrinted'] {
  return async (receipt, lang, header) => {
    try {
      await store.setReceiptText(receipt.number, receiptText(receipt, lang, header));
    } catch {
      // the payment itself is committed; without the text, `receipts show` renders it from the fields
      return;
    }
    checkpoint('receipt:after');
  };
}

/** The message for a refused data file or directory, or null when `error` is something else. */
export function storeFailure(error: unknown): string | null {
  if (!(error instanceof StoreError)) return null;
  return `kiosk: cannot use the kiosk's data: ${error.message}\n` +
    'Nothing was changed. Use --data-dir DIR (or KIOSK_DATA_DIR) for another directory, or --memory to keep nothing.\n';
}

/**
 * `kiosk --order-length 6` on data whose orders (the demo ones included) have 10 digits: those
 * orders cannot be typed in. Said on start, on standard error, which stays on the screen after the
 * kiosk's own screen closes; null when every unpaid order fits.
 */
export function orderLengthWarning(orders: readonly Order[], rules: Pick<KioskRules, 'orderNumberLength'>): string | null {
  const unfit = orders.filter((o) => o.status !== 'paid' && !fitsOrderLength(o.code, rules));
  if (unfit.length === 0) return null;
  const length = rules.orderNumberLength;
  const examples = unfit.slice(0, 2).map((o) => o.code).join(', ') + (unfit.length > 2 ? ', …' : '');
  // lines under 80 columns: it is read in the terminal the kiosk needs at 80×24
  return [
    `kiosk: warning: the kiosk takes ${length}-digit order numbers (--order-length ${length}),`,
    `  but ${count(unfit.length, 'unpaid order')} in its data ${unfit.length === 1 ? 'has' : 'have'} another length and cannot be typed in`,
    `  (${examples}; the demo orders on the idle screen too).`,
    '  Add one that fits (not with --memory):',
    `    kiosk orders new --order-length ${length} --amount 100 --phone +79161234567`,
    '',
  ].join('\n');
}
