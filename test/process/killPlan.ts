/** The kill test's trials, drawn from a seeded generator so that every run does the same thing. */
import { BANKNOTES } from '../../src/domain/rules.js';

export type Kind =
  | `hook:${'journal' | 'payment' | 'receipt' | 'recovery'}:${'before' | 'during' | 'after'}`
  | 'kill:note' // SIGKILL from outside right after a note key: mid-journaling or just before/after it
  | 'kill:pay' // SIGKILL right after Pay
  | 'kill:receipt' // SIGKILL while the receipt is on screen
  | 'complete'; // no crash: the payment finishes and the kiosk is quit

export interface Trial {
  index: number;
  code: string;
  codeAmount: string;
  price: string;
  notes: number[];
  kind: Kind;
  /** for journal hooks and kill:note: which note (1-based) */
  at: number;
}

/** mulberry32: small, fast, and the same on every machine. */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AMOUNTS: Array<[codeAmount: string, price: string]> = [
  ['3000.00', '3000.00'],
  ['4750.00', '4750.00'],
  ['1230.50', '1230.50'],
  ['2000.00', '2300.00'], // price rose: ends partially paid (R-CODE-5)
  ['600.00', '600.00'],
];

const KINDS: Kind[] = [
  'hook:journal:before', 'hook:journal:during', 'hook:journal:after',
  'hook:payment:before', 'hook:payment:during', 'hook:payment:after',
  'hook:receipt:during', 'hook:receipt:after',
  'kill:note', 'kill:note', 'kill:pay', 'kill:receipt', 'complete',
];
const RECOVERY_KINDS: Kind[] = ['hook:recovery:before', 'hook:recovery:during', 'hook:recovery:after'];
/** every kind a plan can draw, once each */
export const ALL_KINDS: ReadonlySet<Kind> = new Set([...KINDS, ...RECOVERY_KINDS]);

/** Whether a trial of this kind leaves journaled cash unpaid for the next start to recover. */
export function leavesOrphan(trial: Trial): boolean {
  if (trial.kind === 'hook:journal:before' || trial.kind === 'hook:journal:during') return trial.at > 1;
  return trial.kind === 'hook:journal:after' || trial.kind === 'hook:payment:before' || trial.kind === 'hook:payment:during';
}

export function planTrials(prefix: string, count: number, random: () => number): Trial[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const trials: Trial[] = [];
  let recoveries = 0;
  for (let index = 0; index < count; index++) {
    const [codeAmount, price] = pick(AMOUNTS);
    // notes until the code amount is covered (so Pay is possible), sometimes overshooting to the phone
    const notes: number[] = [];
    let sum = 0;
    while (sum < Number(codeAmount)) {
      const note = pick(BANKNOTES.filter((n) => n <= 2000 || random() < 0.3));
      notes.push(note);
      sum += note;
    }
    const previous = trials[index - 1];
    // recovery kinds take turns: they are rare (after an orphan only), and a short run must see each
    const kind = previous && leavesOrphan(previous) && random() < 0.5 ? RECOVERY_KINDS[recoveries++ % RECOVERY_KINDS.length]! : pick(KINDS);
    const at = 1 + Math.floor(random() * notes.length);
    trials.push({ index, code: `${prefix}${String(index).padStart(8, '0')}`, codeAmount, price, notes, kind, at });
  }
  return trials;
}
