/** A small class: Anna's six attempts at two exercises, Boris's one. The figures the report should find are in report.test.ts. */
import { attempt, checkpoint } from './fixtures.js';

const path = (passed: boolean, atMs: number | null = 1000) => checkpoint('path', 'R-TERM-1', passed, 10, { atMs });
const change = (passed: boolean, atMs: number | null = 2000) => checkpoint('no-change', 'R-TERM-2', passed, 10, { atMs });
const cap = (passed: boolean) => checkpoint('cap', 'R-TERM-3', passed, 10);

export const ANNA_1 = attempt('Anna', 'terminal-change', [path(true), change(false)], { at: 0, durationS: 90 });
export const ANNA_2 = attempt('Anna', 'terminal-change', [path(true), change(true)], { at: 10, durationS: 60 });
export const ANNA_3 = attempt('Anna', 'terminal-change', [path(true), change(false)], { at: 20, durationS: 30 });
/** left after missing the path; the change was never reached (atMs null): not a mistake */
export const ANNA_4 = attempt('Anna', 'terminal-change', [path(false), change(false, null)], { at: 30, durationS: 5, status: 'abandoned' });
/** the exercise sets its own pass mark: 5 of 10 passes (the default 80 % would not) */
export const ANNA_5 = attempt('Anna', 'terminal-cap', [cap(true), checkpoint('advice', 'R-TERM-6', false, 10)], { at: 40, durationS: 40, passScore: 10 });
export const ANNA_6 = attempt('Anna', 'terminal-cap', [cap(false), checkpoint('advice', 'R-TERM-6', false, 10)], { at: 50, durationS: 81, passScore: 10 });
export const BORIS_1 = attempt('Boris', 'terminal-change', [path(true), change(true)], { at: 5, durationS: 120 });

export const CLASS = [ANNA_6, BORIS_1, ANNA_3, ANNA_1, ANNA_5, ANNA_2, ANNA_4];
