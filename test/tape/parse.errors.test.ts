import { describe, expect, it } from 'vitest';
import { checkTape, parseTape } from '../../src/tape/language/parse.js';

/** The message of the tape's first error (the tape is named demo.tape). */
function errorOf(source: string): string {
  const [error] = checkTape(source, 'demo.tape');
  if (!error) throw new Error(`no error in:\n${source}`);
  return error.message;
}
/** The error for one step, written on line 2 after a Launch. */
const stepError = (line: string) => errorOf(`Launch\n${line}`);
/** The error for one setup command, written on line 1. */
const setupError = errorOf;

const NOTES = 'a banknote (10, 50, 100, 200, 500, 1000, 2000, 5000)';
const DURATION = 'like 90s, 1h30m or 500ms';
const MATCHER = 'expected "text" or /regex/';

describe('parse errors: file:line:column, expected and found', () => {
  it.each(['8d', '7d1m', 'soon'])('R-CODE-6: Set ProcessingDelay %s is refused: at most 7 days', (value) => {
    expect(setupError(`Set ProcessingDelay ${value}`)).toBe(`demo.tape:1:21: expected a duration from 0 to 7 days like 2d or 36h (R-CODE-6), found "${value}"`);
  });

  it('points at the banknote the example names', () => {
    expect(errorOf('# pay\nLaunch\nInsert 300')).toBe(`demo.tape:3:8: expected ${NOTES}, found "300"`);
  });

  it.each([
    ['Lanch', 'demo.tape:2:1: expected a command (did you mean Launch?), found "Lanch"'],
    ['enter', 'demo.tape:2:1: expected a command (did you mean Enter?), found "enter"'],
    ['ExpectOrdr 1000000123 paid', 'demo.tape:2:1: expected a command (did you mean ExpectOrder?), found "ExpectOrdr"'],
    ['Frobnicate', 'demo.tape:2:1: expected a command, found "Frobnicate"'],
    ['toString', 'demo.tape:2:1: expected a command, found "toString"'],
    ['Output demo.gif', `demo.tape:2:1: expected a command (VHS's Output has no meaning in a kiosk tape), found "Output"`],
    ['Ctrl+X', 'demo.tape:2:1: expected a command (Ctrl+C is the only Ctrl key), found "Ctrl+X"'],
    ['  "Enter"', 'demo.tape:2:3: expected a command, found "Enter"'],
  ])('unknown command %j', (line, message) => {
    expect(stepError(line)).toBe(message);
  });

  it.each([
    ['Press@1s "OK"', 'demo.tape:2:6: expected Press without an @ suffix, found "@1s"'],
    ['Down@fast', `demo.tape:2:5: expected a duration ${DURATION}, found "@fast"`],
    ['Down 0', 'demo.tape:2:6: expected a repeat count from 1 to 1000 or end of line, found "0"'],
    ['Down 1001', 'demo.tape:2:6: expected a repeat count from 1 to 1000 or end of line, found "1001"'],
    ['Down three', 'demo.tape:2:6: expected a repeat count from 1 to 1000 or end of line, found "three"'],
    ['Down 2 3', 'demo.tape:2:8: expected end of line, found "3"'],
    ['Enter "x"', 'demo.tape:2:7: expected a repeat count from 1 to 1000 or end of line, found "x"'],
  ])('keys: %j', (line, message) => {
    expect(stepError(line)).toBe(message);
  });

  it.each([
    ['Type "abc', 'demo.tape:2:6: expected a closing ", found end of line'],
    ['Type \'abc', "demo.tape:2:6: expected a closing ', found end of line"],
    ['Type "a\\nb"', 'demo.tape:2:8: expected \\" or \\\\ after a backslash, found "\\\\n"'],
    ['Type "a\\', 'demo.tape:2:8: expected \\" or \\\\ after a backslash, found end of line'],
    ['Type ""', 'demo.tape:2:6: expected non-empty text, found ""'],
    ['Type abc', 'demo.tape:2:6: expected text in quotes ("…", \'…\' or `…`), found "abc"'],
    ['Type', 'demo.tape:2:5: expected text in quotes ("…", \'…\' or `…`), found end of line'],
    ['Type "a" "b"', 'demo.tape:2:10: expected end of line, found "b"'],
    ["Press 'OK'", "demo.tape:2:7: expected a button label in double quotes, found 'OK'"],
    ['Press "  "', 'demo.tape:2:7: expected a non-empty button label, found "  "'],
  ])('strings: %j', (line, message) => {
    expect(stepError(line)).toBe(message);
  });

  it.each([
    ['Expect /abc', 'demo.tape:2:8: expected a closing / after the regular expression, found end of line'],
    ['Expect /abc\\/', 'demo.tape:2:8: expected a closing / after the regular expression, found end of line'],
    ['Expect /abc/ig', 'demo.tape:2:14: expected regex flags (i, m, s, u, v), found "g"'],
    ['Expect /(/', 'demo.tape:2:8: expected a valid regular expression (Unterminated group), found /(/'],
    ['Expect /a/ii', 'demo.tape:2:8: expected a valid regular expression (Invalid flags supplied to RegExp constructor \'ii\'), found /a/ii'],
    ['Expect //', 'demo.tape:2:8: expected a non-empty regular expression, found //'],
    ['Expect abc', `demo.tape:2:8: ${MATCHER}, found "abc"`],
    ["ExpectNot 'abc'", `demo.tape:2:11: ${MATCHER}, found 'abc'`],
    ['Expect', `demo.tape:2:7: ${MATCHER}, found end of line`],
    ['Expect "a" extra # note', 'demo.tape:2:12: expected end of line, found "extra"'],
    ['Expect /a/ /b/', 'demo.tape:2:12: expected end of line, found /b/'],
    ['ExpectReceipt ""', 'demo.tape:2:15: expected non-empty text, found ""'],
  ])('matchers: %j', (line, message) => {
    expect(stepError(line)).toBe(message);
  });

  it.each([
    ['Insert', `demo.tape:2:7: expected ${NOTES}, found end of line`],
    ['Insert 1000.00', `demo.tape:2:8: expected ${NOTES}, found "1000.00"`],
    ['Insert 2000 300', `demo.tape:2:13: expected ${NOTES}, found "300"`],
    ['Insert 1000 old', 'demo.tape:2:13: expected worn or end of line, found "old"'],
    ['Insert 1000 worn worn', 'demo.tape:2:18: expected end of line, found "worn"'],
    ['Advance 0s', `demo.tape:2:9: expected a duration above zero ${DURATION}, found "0s"`],
    ['Advance soon', `demo.tape:2:9: expected a duration above zero ${DURATION}, found "soon"`],
    ['Advance 30m1h', `demo.tape:2:9: expected a duration above zero ${DURATION}, found "30m1h"`],
    ['Advance', `demo.tape:2:8: expected a duration ${DURATION}, found end of line`],
    ['Sleep 0', 'demo.tape:2:7: expected a duration above zero like 500ms or 2s, found "0"'],
    ['Sleep', 'demo.tape:2:6: expected a duration above zero like 500ms or 2s, found end of line'],
    ['ExpectState cash..inserting', 'demo.tape:2:13: expected a state path like cash.inserting, found "cash..inserting"'],
    ['ExpectOrder 123 paid', 'demo.tape:2:13: expected a 10-digit order number, found "123"'],
    ['ExpectOrder 1000000123 done', 'demo.tape:2:24: expected an order status (paid, partial, unpaid, processing, credited, expired, cancelled, refunded, shipped, delivered, disputed, released), found "done"'],
    ['ExpectOrder 1000000123 paid paid 1 paid 2', 'demo.tape:2:36: expected paid only once, found "paid"'],
    ['ExpectOrder 1000000123 paid owed -1', 'demo.tape:2:34: expected an amount like 4750.00 (zero or more), found "-1"'],
    ['ExpectOrder 1000000123 paid due 1', 'demo.tape:2:29: expected paid, owed, refunded or end of line, found "due"'],
    ['ExpectBalance 123 1.00', 'demo.tape:2:15: expected a Russian mobile number like +79161234567, found "123"'],
    ['ExpectBalance +79161234567 1.234', 'demo.tape:2:28: expected an amount like 120.00, found "1.234"'],
    ['ExpectBalance +79161234567', 'demo.tape:2:27: expected an amount like 120.00, found end of line'],
    ['Wait /x/ 0s', `demo.tape:2:10: expected a duration above zero ${DURATION}, found "0s"`],
    ['Wait@1s /x/ 2s', 'demo.tape:2:13: expected end of line (the timeout is already @1s), found "2s"'],
    ['Wait /x/ 2s 3s', 'demo.tape:2:13: expected end of line, found "3s"'],
    ['Snapshot a/b', 'demo.tape:2:10: expected a snapshot name (letters, digits, "-", "_", "."), found "a/b"'],
    ['Snapshot', 'demo.tape:2:9: expected a snapshot name (letters, digits, "-", "_", "."), found end of line'],
    ['Launch now', 'demo.tape:2:8: expected end of line, found "now"'],
  ])('step arguments: %j', (line, message) => {
    expect(stepError(line)).toBe(message);
  });

  it('refuses a snapshot name used twice, pointing at the second', () => {
    expect(stepError('Snapshot a\nEnter\nSnapshot a')).toBe('demo.tape:4:10: expected a snapshot name not used before (first at line 2), found "a"');
  });

  it.each([
    ['Set Lang de', 'demo.tape:1:10: expected a language (en, ru), found "de"'],
    ['Set FontSize 12', 'demo.tape:1:5: expected a setting (Lang, Size, Clock, TerminalId, DataDir, Place, ProcessingDelay, Role, Mobile, Skin), found "FontSize"'],
    ['Set', 'demo.tape:1:4: expected a setting (Lang, Size, Clock, TerminalId, DataDir, Place, ProcessingDelay, Role, Mobile, Skin), found end of line'],
    ['Set Size 100by30', 'demo.tape:1:10: expected a size like 100x30 (columns 20-500, rows 10-200), found "100by30"'],
    ['Set Size 9x24', 'demo.tape:1:10: expected a size like 100x30 (columns 20-500, rows 10-200), found "9x24"'],
    ['Set Size 19x10', 'demo.tape:1:10: expected a size like 100x30 (columns 20-500, rows 10-200), found "19x10"'],
    ['Set Size 80x201', 'demo.tape:1:10: expected a size like 100x30 (columns 20-500, rows 10-200), found "80x201"'],
    ['Set Clock 2026-02-29T10:00:00+03:00', 'demo.tape:1:11: expected a date and time with its offset like 2026-11-22T10:00:00+03:00, found "2026-02-29T10:00:00+03:00"'],
    ['Set Clock 2026-11-22T10:00:00', 'demo.tape:1:11: expected a date and time with its offset like 2026-11-22T10:00:00+03:00, found "2026-11-22T10:00:00"'],
    ['Set Clock 2026-11-22T24:00:00Z', 'demo.tape:1:11: expected a date and time with its offset like 2026-11-22T10:00:00+03:00, found "2026-11-22T24:00:00Z"'],
    ['Set TerminalId "T 1"', 'demo.tape:1:16: expected a terminal id like T-1 (letters, digits, "-", "_", "."), found "T 1"'],
    ['Set TerminalId T/1', 'demo.tape:1:16: expected a terminal id like T-1 (letters, digits, "-", "_", "."), found "T/1"'],
    ['Set DataDir', 'demo.tape:1:12: expected a folder path (in double quotes if it has spaces), found end of line'],
    ['Set DataDir "a b', 'demo.tape:1:13: expected a closing ", found end of line'],
    ['Set Lang en ru', 'demo.tape:1:13: expected end of line, found "ru"'],
    ['Set Lang en\nSet Lang ru', 'demo.tape:2:5: expected one Set Lang per tape (first at line 1), found "Lang"'],
    ['Set@1s Lang en', 'demo.tape:1:4: expected Set without an @ suffix, found "@1s"'],
    ['Set Skin beeline', 'demo.tape:1:10: expected a skin (euroset, qiwi, svyaznoy, cyberplat), found "beeline"'],
  ])('Set: %j', (source, message) => {
    expect(setupError(source)).toBe(message);
  });

  const PHONE = 'phone +79161234567';
  it.each([
    [`Order 1000000123 ${PHONE}`, 'demo.tape:1:36: expected amount 4750.00 (every Order needs one), found end of line'],
    ['Order 1000000123 amount 1   # no phone', 'demo.tape:1:29: expected phone +79161234567 (every Order needs one), found end of line'],
    [`Order 123 amount 1 ${PHONE}`, 'demo.tape:1:7: expected a 10-digit order number, found "123"'],
    [`Order 1000000123 amount 0 ${PHONE}`, 'demo.tape:1:25: expected an amount above zero like 4750.00, found "0"'],
    [`Order 1000000123 amount 47.505 ${PHONE}`, 'demo.tape:1:25: expected an amount above zero like 4750.00, found "47.505"'],
    [`Order 1000000123 amount 4750.00 phone 123`, 'demo.tape:1:39: expected a Russian mobile number like +79161234567, found "123"'],
    [`Order 1000000123 amount 1 ${PHONE} issued 2h`, 'demo.tape:1:53: expected a time before the clock like -2h, found "2h"'],
    [`Order 1000000123 amount 1 ${PHONE} issued -2x`, 'demo.tape:1:53: expected a time before the clock like -2h, found "-2x"'],
    [`Order 1000000123 amount 1 ${PHONE} region ru`, 'demo.tape:1:53: expected a two-letter region code like RU, found "ru"'],
    [`Order 1000000123 amount 1 ${PHONE} prize 10`, 'demo.tape:1:46: expected issued, price, paid, delivered, region or end of line, found "prize"'],
    [`Order 1000000123 amount 1 amount 2 ${PHONE}`, 'demo.tape:1:27: expected amount only once, found "amount"'],
    [`Order 1000000123 amount 1 ${PHONE}\nOrder 1000000123 amount 2 ${PHONE}`, 'demo.tape:2:7: expected one Order per order number (first at line 1), found "1000000123"'],
    ['Phone +79161234567 operator Yota balance 1', 'demo.tape:1:29: expected an operator (MTS, MegaFon, Beeline, Tele2), found "Yota"'],
    ['Phone +79161234567 operator MTS', 'demo.tape:1:32: expected balance 120.00 (every Phone needs one), found end of line'],
    ['Phone +79161234567 balance 1', 'demo.tape:1:29: expected operator MTS (every Phone needs one), found end of line'],
    ['Phone +79161234567 operator MTS balance 1 bonus 2', 'demo.tape:1:43: expected tariff, new, outage or end of line, found "bonus"'],
    ['Phone 89161234567 operator MTS balance 1\nPhone +79161234567 operator MTS balance 2', 'demo.tape:2:7: expected one Phone per number (first at line 1), found "+79161234567"'],
  ])('Order and Phone: %j', (source, message) => {
    expect(setupError(source)).toBe(message);
  });
});

describe('parse errors: the order of setup, Launch and steps', () => {
  it.each([
    ['Enter\nLaunch', 'demo.tape:1:1: expected Launch before the first step, found "Enter"'],
    ['Set Lang en\n\nExpect "x"', 'demo.tape:3:1: expected Launch before the first step, found "Expect"'],
    ['Launch\nEnter\nSet Lang en', 'demo.tape:3:1: expected a step (setup goes before Launch at line 1), found "Set"'],
    ['Launch\nOrder 1000000123 amount 1 phone +79161234567', 'demo.tape:2:1: expected a step (setup goes before Launch at line 1), found "Order"'],
    ['Launch\n  Launch', 'demo.tape:2:3: expected Launch only once (first at line 1; Crash and Restart start it again), found "Launch"'],
    ['Launch\nRestart', 'demo.tape:2:1: expected Crash before Restart, found "Restart"'],
    ['Launch\nCrash\nEnter', 'demo.tape:3:1: expected Restart after Crash at line 2, found "Enter"'],
    ['Launch\nCrash\nCrash', 'demo.tape:3:1: expected Restart after Crash at line 2, found "Crash"'],
    ['Launch\nCrash\nExpect "x"', 'demo.tape:3:1: expected Restart after Crash at line 2, found "Expect"'],
    ['Launch\nCrash\nRestart\nRestart', 'demo.tape:4:1: expected Crash before Restart, found "Restart"'],
  ])('%j', (source, message) => {
    expect(errorOf(source)).toBe(message);
  });

  it('reports only the first error', () => {
    expect(checkTape('Launch\nInsert 3\nInsert 7', 'demo.tape').map((e) => e.line)).toEqual([2]);
    expect(() => parseTape('Launch\nInsert 3')).toThrow('<tape>:2:8: expected');
  });
});
