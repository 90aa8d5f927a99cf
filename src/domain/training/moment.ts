/** The moment of an attempt's first mistake (issue 18), as src/training/mistakeMoment.ts finds it and the debrief shows it. */
import type { Bilingual } from './attempt.js';

export interface MistakeMoment {
  checkpointId: string;
  rule: string;
  title: Bilingual;
  source?: Bilingual;
  rightAction?: Bilingual;
  /** the step that made the mistake as the tape writes it (`Enter`, `Type "5000"`, `Say "…"`); null: the attempt ended first */
  key: string | null;
  /** program-clock ms since the attempt started when it was decided */
  atMs: number | null;
  /** the trainee's lines before that step (after Launch): what Try from here replays */
  prefix: string[];
  /** the kiosk's screen (rows of text) before and after the step */
  before: string[];
  after: string[];
  /** the state path before the step (the place that had the keys) */
  beforeStatePath: string | null;
}

/** The terminal id an exercise's sandbox shows (src/app/WorldScreen.tsx), and its replay too. */
export const TRAINING_TERMINAL_ID = 'TRAINING';
