/**
 * An exercise as the engine runs it (issue 15): what src/training/load.ts makes of a YAML file,
 * already validated. Conditions are data, so an exercise file says *what* must happen, never how
 * to check it; the engine (engine.ts) asks a probe of the world.
 */
import type { Bilingual, ExerciseSummary, ScoreCounts } from './attempt.js';

/** The order words of `ExpectOrder` (src/tape/language/ast.ts ORDER_CONDITIONS). */
export type OrderWord =
  | 'paid' | 'partial' | 'unpaid' | 'processing' | 'credited' | 'expired' | 'cancelled' | 'refunded' | 'shipped' | 'delivered' | 'disputed' | 'released';

/** How the change a cashier counted out compares with what was due (src/domain/cash/drawer.ts judgeChange); `wrong`: short or over. */
export type ChangeWord = 'exact' | 'short' | 'over' | 'wrong';
export const CHANGE_WORDS: readonly ChangeWord[] = ['exact', 'short', 'over', 'wrong'];

/** What a checkpoint waits for. Exactly one kind each. */
export type Condition =
  /** a place reached a state: `kiosk.checkData` matches the terminal's state path or the desk's (as ExpectState) */
  | { reached: string }
  /** an order of the store is in that state; by its code, or any order of a phone */
  | { order: { code?: string; phone?: string; status: OrderWord } }
  /** a phone's balance is exactly this amount (a decimal string) */
  | { balance: { phone: string; is: string } }
  /** the till's payment of this order (the trainee as the cashier) gave change exactly as due, or short, or over, or either (`wrong`) */
  | { change: { code: string; is: ChangeWord } }
  /** an SMS to the phone whose text (in either language) contains this */
  | { sms: { phone: string; contains: string } }
  /** the right option of this `say` question was the first one chosen */
  | { said: string }
  /** all of these hold at once */
  | { all: Condition[] };

export interface SayOption {
  text: Bilingual;
  right: boolean;
  /** a wrong option: the rule it breaks (shown in the side line at once) */
  breaks?: string;
}

/** A question the customer asks; the trainee answers by choosing one option. */
export interface SayQuestion {
  id: string;
  /** the customer's speech line while the question is open */
  ask: Bilingual;
  /** opens only once this holds; absent: open from the start */
  after?: Condition;
  options: SayOption[];
}

export interface Checkpoint {
  id: string;
  points: number;
  rule: string;
  title: Bilingual;
  /** passes as soon as this holds */
  when?: Condition;
  /** missed as soon as this holds (passes at the end if it never did) */
  never?: Condition;
  /** program-clock milliseconds from the start: not passed by then is missed */
  withinMs?: number;
  /** the sentence of the source text the rule comes from */
  source: Bilingual;
  /** what the right action is */
  right: Bilingual;
}

/** How an exercise is marked (issue 18); every field has a default (src/domain/training/policy.ts). */
export interface ExercisePolicy {
  /** immediate: a mistake shows at once; deferred: only in the debrief, as in an exam */
  feedback: 'immediate' | 'deferred';
  /** how many attempts a trainee has (abandoned ones included); null: no limit */
  attempts: number | null;
  /** which finished attempt is the trainee's result */
  counts: ScoreCounts;
  /** the share of the maximum needed to pass, 0..1; null: the report's pass mark (80 % by default) */
  mastery: number | null;
}

/** An exercise: what the catalog lists of it (ExerciseSummary), and how it is played and scored. */
export interface Exercise extends ExerciseSummary {
  /** tape setup lines (Set …, Order …, Phone …), as in a .tape file */
  setup: string[];
  /** the customer's story, one speech line after another (the last stays shown) */
  story: Bilingual[];
  say: SayQuestion[];
  checkpoints: Checkpoint[];
  /** the exercise ends once this holds; absent: once every `when` checkpoint is decided */
  end?: Condition;
  /** how it is marked; absent fields take their defaults */
  policy?: Partial<ExercisePolicy>;
  /** where it was loaded from (`file` for messages) */
  file: string;
  /** the numbers an attempt draws (issue 18): `{name}` in the texts, setup and conditions; empty: fixed numbers */
  vary?: Record<string, Vary>;
  /** values computed from the drawn ones, in file order: `change: 5000 - amount` */
  derive?: Record<string, string>;
  /** set on a variant (variant.ts): the seed it was drawn from (null: the file's defaults) and the values */
  drawn?: DrawnValues;
}

/** One value of a `oneOf`: what setup and conditions read (`is`), and how each language says it. */
export interface VaryChoice {
  is: string;
  ru: string;
  en: string;
}

/** A number drawn from min..max by step (decimal strings), or one of a list. `default` is used when no seed is given. */
export type Vary =
  | { kind: 'range'; min: string; max: string; step: string; default: string }
  | { kind: 'oneOf'; choices: VaryChoice[]; default: string };

export interface DrawnValues {
  seed: number | null;
  /** name → the plain value (`4750`, `MTS`) */
  values: Record<string, string>;
}
