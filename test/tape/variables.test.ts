/** Tape variables: `Remember NAME from sms|screen /re/` and `$NAME` / `${NAME}` in later lines. */
import { afterEach, describe, expect, it } from 'vitest';
import { checkTape, parseTape } from '../../src/tape/language/parse.js';
import { runTape, TapeEngine, TapeStepError } from '../../src/tape/index.js';

const errorOf = (source: string): string => {
  const [error] = checkTape(source, 'v.tape');
  if (!error) throw new Error(`no error in:\n${source}`);
  return error.message;
};
const REMEMBER = 'Remember code from sms +79161234567 /(\\d{10})/';

describe('parsing variables', () => {
  it('Remember reads a name, sms PHONE or screen, and a regex', () => {
    const [, sms, screen] = parseTape(`Launch\n${REMEMBER}\nRemember total from screen /Amount +(\\S+)/i`).steps;
    expect(sms).toMatchObject({ kind: 'remember', name: 'code', from: { kind: 'sms', phone: '+79161234567' }, pattern: { source: '(\\d{10})' } });
    expect(screen).toMatchObject({ kind: 'remember', name: 'total', from: { kind: 'screen' }, pattern: { flags: 'i' } });
  });

  it('a line using a variable is kept as written, with what it is', () => {
    const steps = parseTape(`Launch\n${REMEMBER}\nCancel $code refund 500.00 # the seller\nType "\${code}"`).steps;
    expect(steps[2]).toMatchObject({ kind: 'templated', inner: 'orderAction', raw: 'Cancel $code refund 500.00', line: 3 });
    expect(steps[3]).toMatchObject({ kind: 'templated', inner: 'type' });
  });

  it('a variable used before any Remember sets it is a syntax error naming the line and column', () => {
    expect(errorOf('Launch\nType "$code"')).toBe('v.tape:2:7: expected a variable set by an earlier Remember (none yet), found "$code"');
    expect(errorOf(`Launch\nCancel \${code}\n${REMEMBER}`)).toBe('v.tape:2:8: expected a variable set by an earlier Remember (none yet), found "${code}"');
    expect(errorOf(`Launch\n${REMEMBER}\nShip $cod`)).toBe('v.tape:3:6: expected a variable set by an earlier Remember ($code), found "$cod"');
  });

  it('the rest of a line with a variable is still checked at parse time, at its own column', () => {
    expect(errorOf(`Launch\n${REMEMBER}\nCancel $code refund abc`)).toBe('v.tape:3:21: expected an amount above zero like 4750.00, found "abc"');
    expect(errorOf(`Launch\n${REMEMBER}\nPress $code`)).toBe('v.tape:3:7: expected a button label in double quotes, found "$code"');
  });

  it('Remember needs from, sms or screen, and a regex', () => {
    expect(errorOf('Launch\nRemember code at screen /x/')).toBe('v.tape:2:15: expected from, found "at"');
    expect(errorOf('Launch\nRemember code from phone /x/')).toBe('v.tape:2:20: expected sms or screen, found "phone"');
    expect(errorOf('Launch\nRemember code from screen "x"')).toMatch(/^v\.tape:2:27: expected a \/regex\//);
    expect(errorOf('Launch\nRemember 1code from screen /x/')).toMatch(/^v\.tape:2:10: expected a variable name/);
  });

  it('$$ writes a literal $, a $ before anything else is just a $, and comments are not read', () => {
    const steps = parseTape('Launch\nType "$$code"\nType "$"\nType "$$"\nEnter # $nothing').steps;
    expect(steps.slice(1).map((s) => (s.kind === 'type' ? s.text : s.kind))).toEqual(['$code', '$', '$$', 'key']);
  });
});

const SITE_ORDER = [
  'Go site', 'Type "1"', 'Type "c"', 'Type "b"', 'Backspace 10', 'Type "9161234567"', 'Enter', 'Type "m"', 'Type "c"',
].join('\n');

let engine: TapeEngine | null = null;
afterEach(async () => {
  await engine?.dispose();
  engine = null;
});

describe('running variables', () => {
  it('R-CODE-1: the code sent by SMS is remembered and typed at the terminal', async () => {
    engine = await TapeEngine.fromSource('Set Lang en\nSet Clock 2026-11-22T10:00:00+03:00');
    await engine.exec(`${SITE_ORDER}\n${REMEMBER}\nRemember shown from screen /Payment code +(\\d{10})/`);
    const code = engine.variable('code') as string;
    expect(code).toMatch(/^\d{10}$/);
    expect(engine.variable('shown')).toBe(code);
    await engine.exec('Go terminal\nEnter\nPress "Other services"\nPress "Products by catalogs"\nPress "Aliexpress"\nType "$code"\nPress "Next"');
    await engine.exec('Expect "${code}"\nExpectOrder $code unpaid');
    expect(engine.screen().join('\n')).toContain(code);
  });

  it('no match fails the step (exit 1) showing what was searched', async () => {
    const result = await runTape({ source: `Set Lang en\nLaunch\n${SITE_ORDER}\nRemember code from sms +79161234567 /code (\\d{11})/`, file: 'v.tape' });
    expect(result.exitCode).toBe(1);
    expect(result.failure?.message).toBe('Remember code: the newest SMS to +79161234567 does not match /code (\\d{11})/');
    expect(result.failure?.details.join('\n')).toMatch(/AliExpress: Order payment code \d{10}/);
    const screen = await runTape({ source: 'Set Lang en\nLaunch\nRemember x from screen /nowhere (\\d+)/', file: 'v.tape' });
    expect(screen.failure?.message).toBe('Remember x: no line of the screen matches /nowhere (\\d+)/');
    const none = await runTape({ source: 'Set Lang en\nLaunch\nRemember x from sms +79161234567 /(\\d+)/', file: 'v.tape' });
    expect(none.failure?.message).toBe('Remember x: no SMS to +79161234567 yet, so nothing to match /(\\d+)/');
  });

  it('a value that does not fit the line fails with the line as it read, and a failing step names the values', async () => {
    engine = await TapeEngine.fromSource('Set Lang en');
    await engine.exec('Remember word from screen /F1 (\\w+)/');
    const misfit = await engine.exec('Cancel $word').then(() => null, (e: unknown) => e);
    expect(misfit).toBeInstanceOf(TapeStepError);
    expect((misfit as TapeStepError).failure.message).toMatch(/^with \$word = "Site" the line reads Cancel Site: expected a 10-digit order number, found "Site"$/);
    const failing = await engine.exec('Expect "$word and more"').then(() => null, (e: unknown) => e);
    expect((failing as TapeStepError).failure.details).toContain(`with $word = ${JSON.stringify(engine.variable('word'))}`);
  });

  it('values are quoted for where they stand: a regex matches them literally', async () => {
    engine = await TapeEngine.fromSource('Set Lang en\nSet Clock 2026-11-22T10:00:00+03:00');
    await engine.exec(`${SITE_ORDER}\nRemember amount from screen /Amount +(\\S+ \\S+)/`);
    expect(engine.variable('amount')).toBe('1,990.00 ₽');
    await engine.exec('Expect /Amount +$amount/');
    engine.setVariable('amount', '1.990.00 ₽');
    const literal = await engine.exec('Expect /Amount +$amount/').then(() => null, (e: unknown) => e);
    expect(literal).toBeInstanceOf(TapeStepError);
  });
});

describe('recording', () => {
  it('a recorded $ before a letter is written as $$, so the tape types it back as it was typed', async () => {
    const { TapeRecorder } = await import('../../src/cli/tapeRecorder.js');
    const recorder = new TapeRecorder();
    const view = { screen: 'menu' } as Parameters<typeof recorder.input>[1];
    recorder.input('pay $code ${x} $5', view);
    const [line] = recorder.finish();
    expect(line).toBe('Type "pay $$code $${x} $5"');
    const typed = parseTape(`Launch\n${line}`).steps[1];
    expect(typed).toMatchObject({ kind: 'type', text: 'pay $code ${x} $5' });
  });
});
