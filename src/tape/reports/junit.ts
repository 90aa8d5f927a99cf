/**
 * JUnit XML for CI: one <testcase> per tape. Assertions and timeouts are <failure>s; a bad tape or
 * a crashed app is an <error>, as JUnit separates "the check failed" from "the test broke".
 */
import { formatFailure } from './formatFailure.js';
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

export function junitXml(results: readonly TapeResult[], suiteName = 'kiosk tapes', timestamp = new Date()): string {
  const isError = (r: TapeResult) => r.failure?.kind === 'tape' || r.failure?.kind === 'crash';
  const failures = results.filter((r) => r.failure && !isError(r)).length;
  const errors = results.filter(isError).length;
  const total = results.reduce((sum, r) => sum + r.ms, 0);
  const cases = results.map((r) => {
    const attrs = `name="${escapeXml(r.file)}" classname="tapes" time="${seconds(r.ms)}"`;
    if (!r.failure) return `    <testcase ${attrs}/>`;
    const tag = isError(r) ? 'error' : 'failure';
    const message = `${r.failure.line > 0 ? `line ${r.failure.line}: ` : ''}${r.failure.message}`;
    return [
      `    <testcase ${attrs}>`,
      `      <${tag} message="${escapeXml(message)}" type="${r.failure.kind}">${escapeXml(formatFailure(r.failure))}</${tag}>`,
      `    </testcase>`,
    ].join('\n');
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
