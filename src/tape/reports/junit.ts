/**
 * JUnit XML for CI: one <testcase> per tape. Assertions and timeouts are <failure>s; a bad tape or
 * a crashed app is an <error>, as JUnit separates "the check failed" from "the test broke".
 * With `--retries` every attempt is recorded as Maven Surefire does: a tape that failed and then
 * passed holds a <flakyFailure> (or <flakyError>) per failed attempt and no <failure>; one that
 * failed every time holds its first failure and a <rerunFailure> (<rerunError>) per retry.
 */
import { formatFailure } from './formatFailure.js';
import type { TapeFailure } from '../run/failure.js';
import type { TapeResult } from '../run/runTape.js';

/** XML 1.0 cannot hold most control characters even escaped, so they are dropped. */
export const escapeXml = (text: string): string =>
  text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const seconds = (ms: number) => (ms / 1000).toFixed(3);

const isError = (failure: TapeFailure | null) => failure?.kind === 'tape' || failure?.kind === 'crash';

/** One attempt's failure as a child of its testcase; `as`: failure or error, prefixed for retries. */
function failureElement(failure: TapeFailure, as: 'plain' | 'flaky' | 'rerun'): string {
  const kind = isError(failure) ? 'Error' : 'Failure';
  const tag = as === 'plain' ? kind.toLowerCase() : `${as}${kind}`;
  const message = `${failure.line > 0 ? `line ${failure.line}: ` : ''}${failure.message}`;
  return `      <${tag} message="${escapeXml(message)}" type="${failure.kind}">${escapeXml(formatFailure(failure))}</${tag}>`;
}

export function junitXml(results: readonly TapeResult[], suiteName = 'kiosk tapes', timestamp = new Date()): string {
  const failures = results.filter((r) => r.failure && !isError(r.failure)).length;
  const errors = results.filter((r) => isError(r.failure)).length;
  const total = results.reduce((sum, r) => sum + r.ms + (r.retriedAttempts ?? []).reduce((s, a) => s + a.ms, 0), 0);
  const cases = results.map((r) => {
    const name = r.repeat === undefined ? r.file : `${r.file} #${r.repeat}`;
    const attrs = `name="${escapeXml(name)}" classname="tapes" time="${seconds(r.ms)}"`;
    const earlier = (r.retriedAttempts ?? []).flatMap((a) => (a.failure ? [a.failure] : []));
    // surefire's order: the first failure is the testcase's <failure>, the retries after it are reruns
    const children = r.failure
      ? [...earlier, r.failure].map((f, i) => failureElement(f, i === 0 ? 'plain' : 'rerun'))
      : earlier.map((f) => failureElement(f, 'flaky'));
    if (children.length === 0) return `    <testcase ${attrs}/>`;
    return [`    <testcase ${attrs}>`, ...children, `    </testcase>`].join('\n');
  });
  const counts = `tests="${results.length}" failures="${failures}" errors="${errors}" time="${seconds(total)}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXml(suiteName)}" ${counts}>`,
    `  <testsuite name="${escapeXml(suiteName)}" ${counts} skipped="0" timestamp="${timestamp.toISOString().replace(/\.\d+Z$/, '')}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
