import { DEFAULT_PHONE_SETTINGS } from '../../src/domain/mobile/mobilePayment.js';
import { describe, expect, it } from 'vitest';
import { checkTape, KEY_NAMES, parseTape, TapeSyntaxError, type Step } from '../../src/tape/language/parse.js';

/** The steps after a leading Launch, without their locations. */
function steps(source: string): unknown[] {
  return parseTape(`Launch\n${source}`).steps.slice(1).map(({ line: _l, column: _c, raw: _r, ...body }: Step) => body);
}
const step = (source: string) => steps(source)[0];
const setup = (source: string) =>
  parseTape(source).setup.map(({ line: _l, column: _c, raw: _r, ...body }) => body);

describe('parseTape: a whole tape', () => {
  const source = [
    '# Pay 4,750 ₽ with a 5,000 ₽ note; 250 ₽ goes to the phone.',
    'Set Lang en',
    'Set Size 100x30',
    '',
    'Order 1000000123 amount 4750.00 phone +79161234567 issued -2h',
    'Phone +79161234567 operator MTS balance 120.00',
    'Launch',
    '  Press "Pay for an order"   # the big button',
    'Type@50ms "1000000123"',
    'Enter',
    'Insert 5000',
    'ExpectOrder 1000000123 paid owed 0.00',
  ].join('\n');

  it('keeps the file name, setup and steps with line, column and the command as written', () => {
    const tape = parseTape(source, 'pay.tape');
    expect(tape.file).toBe('pay.tape');
    expect(tape.setup).toEqual([
      { kind: 'set', key: 'Lang', lang: 'en', line: 2, column: 1, raw: 'Set Lang en' },
      { kind: 'set', key: 'Size', columns: 100, rows: 30, line: 3, column: 1, raw: 'Set Size 100x30' },
      {
        kind: 'order', code: '1000000123', amount: '4750.00', phone: '+79161234567', issuedOffsetMs: -7_200_000,
        paid: false, line: 5, column: 1, raw: 'Order 1000000123 amount 4750.00 phone +79161234567 issued -2h',
      },
      {
        kind: 'phone', phone: '+79161234567', operator: 'mts', balance: '120.00', settings: DEFAULT_PHONE_SETTINGS,
        line: 6, column: 1, raw: 'Phone +79161234567 operator MTS balance 120.00',
      },
    ]);
    expect(tape.steps).toEqual([
      { kind: 'launch', line: 7, column: 1, raw: 'Launch' },
      { kind: 'press', label: 'Pay for an order', line: 8, column: 3, raw: 'Press "Pay for an order"' },
      { kind: 'type', text: '1000000123', delayMs: 50, line: 9, column: 1, raw: 'Type@50ms "1000000123"' },
      { kind: 'key', key: 'Enter', repeat: 1, line: 10, column: 1, raw: 'Enter' },
      { kind: 'insert', notes: [5000], worn: false, line: 11, column: 1, raw: 'Insert 5000' },
      { kind: 'expectOrder', code: '1000000123', status: 'paid', owed: '0.00', line: 12, column: 1, raw: 'ExpectOrder 1000000123 paid owed 0.00' },
    ]);
  });

  it('names the file <tape> by default and checks clean tapes without errors', () => {
    expect(parseTape('Launch').file).toBe('<tape>');
    expect(checkTape(source, 'pay.tape')).toEqual([]);
  });

  it('reads CRLF and CR line ends, a BOM, tabs and comment-only lines', () => {
    const tape = parseTape('\uFEFF# intro\r\n\r\n\tLaunch\t# go\rEnter 2 # twice\n   # end');
    expect(tape.steps.map((s) => [s.kind, s.line, s.column, s.raw])).toEqual([
      ['launch', 3, 2, 'Launch'],
      ['key', 4, 1, 'Enter 2'],
    ]);
  });

  it('accepts an empty tape and a setup-only tape', () => {
    expect(parseTape('')).toEqual({ file: '<tape>', setup: [], steps: [] });
    expect(parseTape('# nothing yet\nSet Lang ru').steps).toEqual([]);
  });

  it('counts columns in characters, not bytes, after Russian text', () => {
    const tape = parseTape('Launch\nExpect "Оплата" # ок');
    expect(tape.steps[1]).toMatchObject({ column: 1, raw: 'Expect "Оплата"' });
  });
});

describe('parseTape: VHS keys', () => {
  it.each(KEY_NAMES)('reads %s', (key) => {
    expect(step(key)).toEqual({ kind: 'key', key, repeat: 1 });
  });

  it('reads repeat counts and @speed suffixes, alone and together', () => {
    expect(steps('Backspace 4\nDown@100ms 3\nEnter@1s\nCtrl+C\nF12 2\nTab@0ms')).toEqual([
      { kind: 'key', key: 'Backspace', repeat: 4 },
      { kind: 'key', key: 'Down', repeat: 3, delayMs: 100 },
      { kind: 'key', key: 'Enter', repeat: 1, delayMs: 1000 },
      { kind: 'key', key: 'Ctrl+C', repeat: 1 },
      { kind: 'key', key: 'F12', repeat: 2 },
      { kind: 'key', key: 'Tab', repeat: 1, delayMs: 0 },
    ]);
  });

  it('reads Type in double quotes with \\" and \\\\ escapes, and raw in single quotes or backticks', () => {
    expect(steps(String.raw`Type "say \"hi\" \\ bye"` + "\nType 'a \"b\" \\n'\nType `it's`\nType@50ms \"abc\"\nType \"Привет # no comment\"")).toEqual([
      { kind: 'type', text: 'say "hi" \\ bye' },
      { kind: 'type', text: 'a "b" \\n' },
      { kind: 'type', text: "it's" },
      { kind: 'type', text: 'abc', delayMs: 50 },
      { kind: 'type', text: 'Привет # no comment' },
    ]);
  });
});

describe('parseTape: kiosk steps', () => {
  it('reads Press, Insert, Insert worn and several notes in one Insert', () => {
    expect(steps('Press "Other services"\nInsert 10\nInsert 1000 worn\nInsert 2000 500\nPress "say \\"hi\\""')).toEqual([
      { kind: 'press', label: 'Other services' },
      { kind: 'insert', notes: [10], worn: false },
      { kind: 'insert', notes: [1000], worn: true },
      { kind: 'insert', notes: [2000, 500], worn: false },
      { kind: 'press', label: 'say "hi"' },
    ]);
  });

  it('turns Advance and VHS Sleep into clock advances', () => {
    expect(steps('Advance 48h\nAdvance 90s\nAdvance 1h30m\nAdvance 500ms\nAdvance 2d\nSleep 500ms\nSleep 2\nSleep 0.5')).toEqual(
      [172_800_000, 90_000, 5_400_000, 500, 172_800_000, 500, 2000, 500].map((ms) => ({ kind: 'advance', ms })),
    );
  });

  it('reads Expect and ExpectNot with text or a regex and its flags', () => {
    expect(steps('Expect "4,750.00 ₽"\nExpect /paid\\s+in full/i\nExpectNot "Error"\nExpectNot /a[/]b\\/c/\nExpect /x/msu')).toEqual([
      { kind: 'expect', matcher: { kind: 'text', text: '4,750.00 ₽' }, negate: false },
      { kind: 'expect', matcher: { kind: 'regex', source: 'paid\\s+in full', flags: 'i' }, negate: false },
      { kind: 'expect', matcher: { kind: 'text', text: 'Error' }, negate: true },
      { kind: 'expect', matcher: { kind: 'regex', source: 'a[/]b\\/c', flags: '' }, negate: true },
      { kind: 'expect', matcher: { kind: 'regex', source: 'x', flags: 'msu' }, negate: false },
    ]);
  });

  it('reads the tape words for order statuses: partial and unpaid, beside the domain names', () => {
    expect(steps('ExpectOrder 1000000123 partial\nExpectOrder 1000000123 unpaid owed 10')).toEqual([
      { kind: 'expectOrder', code: '1000000123', status: 'partially_paid' },
      { kind: 'expectOrder', code: '1000000123', status: 'awaiting', owed: '10.00' },
    ]);
  });

  it('reads ExpectState, ExpectOrder (amounts in either order), ExpectBalance and ExpectReceipt', () => {
    expect(
      steps(
        [
          'ExpectState cash.inserting',
          'ExpectState flow',
          'ExpectOrder 1000000123 paid paid 4750 owed 0',
          'ExpectOrder 1000000123 partially_paid owed 300.5 paid 2000.00',
          'ExpectOrder 1000000123 awaiting',
          'ExpectBalance +79161234567 250.00',
          'ExpectBalance "8 (916) 123-45-67" -15',
          'ExpectReceipt /250,00/',
          'ExpectReceipt "Thank you"',
        ].join('\n'),
      ),
    ).toEqual([
      { kind: 'expectState', path: 'cash.inserting' },
      { kind: 'expectState', path: 'flow' },
      { kind: 'expectOrder', code: '1000000123', status: 'paid', paid: '4750.00', owed: '0.00' },
      { kind: 'expectOrder', code: '1000000123', status: 'partially_paid', paid: '2000.00', owed: '300.50' },
      { kind: 'expectOrder', code: '1000000123', status: 'awaiting' },
      { kind: 'expectBalance', phone: '+79161234567', amount: '250.00' },
      { kind: 'expectBalance', phone: '+79161234567', amount: '-15.00' },
      { kind: 'expectReceipt', matcher: { kind: 'regex', source: '250,00', flags: '' } },
      { kind: 'expectReceipt', matcher: { kind: 'text', text: 'Thank you' } },
    ]);
  });

  it('reads Wait with the default 5 s, a trailing timeout or VHS @timeout', () => {
    expect(steps('Wait /Insert cash/\nWait "Done" 10s\nWait@1m30s /x/')).toEqual([
      { kind: 'wait', matcher: { kind: 'regex', source: 'Insert cash', flags: '' }, timeoutMs: 5000 },
      { kind: 'wait', matcher: { kind: 'text', text: 'Done' }, timeoutMs: 10_000 },
      { kind: 'wait', matcher: { kind: 'regex', source: 'x', flags: '' }, timeoutMs: 90_000 },
    ]);
  });

  it('reads Snapshot, Crash and Restart, and allows store checks and Advance while crashed', () => {
    expect(steps('Snapshot paid-4750.en\nCrash\nAdvance 1m\nExpectOrder 1000000123 partially_paid\nExpectBalance +79161234567 0\nRestart\nEnter\nCrash\nRestart')).toEqual([
      { kind: 'snapshot', name: 'paid-4750.en' },
      { kind: 'crash' },
      { kind: 'advance', ms: 60_000 },
      { kind: 'expectOrder', code: '1000000123', status: 'partially_paid' },
      { kind: 'expectBalance', phone: '+79161234567', amount: '0.00' },
      { kind: 'restart' },
      { kind: 'key', key: 'Enter', repeat: 1 },
      { kind: 'crash' },
      { kind: 'restart' },
    ]);
  });
});

describe('parseTape: setup', () => {
  it('reads every Set', () => {
    expect(
      setup(
        'Set Lang RU\nSet Size 80x24\nSet Clock 2026-11-22T10:00:00+03:00\nSet TerminalId T-1\nSet DataDir "/tmp/kiosk data"',
      ),
    ).toEqual([
      { kind: 'set', key: 'Lang', lang: 'ru' },
      { kind: 'set', key: 'Size', columns: 80, rows: 24 },
      { kind: 'set', key: 'Clock', iso: '2026-11-22T10:00:00+03:00', epochMs: Date.UTC(2026, 10, 22, 7, 0, 0) },
      { kind: 'set', key: 'TerminalId', terminalId: 'T-1' },
      { kind: 'set', key: 'DataDir', path: '/tmp/kiosk data' },
    ]);
  });

  it('reads a bare DataDir path, even one that starts with a slash, and clocks in Z or with minutes only', () => {
    expect(setup('Set DataDir /tmp/kiosk#1\nSet Clock 2024-02-29T23:59Z')).toEqual([
      { kind: 'set', key: 'DataDir', path: '/tmp/kiosk#1' },
      { kind: 'set', key: 'Clock', iso: '2024-02-29T23:59Z', epochMs: Date.UTC(2024, 1, 29, 23, 59) },
    ]);
  });

  it('reads Order with every option, in any order, money as canonical decimal strings', () => {
    expect(
      setup(
        [
          'Order 1000000123 amount 4750.00 phone +79161234567 issued -2h price 5000.00 paid region RU',
          'Order 1000000124 region KZ phone 89161234567 amount 4750,5',
          'Order 1000000125 amount 10 phone "+7 (916) 123-45-67" issued -0s',
        ].join('\n'),
      ),
    ).toEqual([
      {
        kind: 'order', code: '1000000123', amount: '4750.00', phone: '+79161234567', issuedOffsetMs: -7_200_000,
        price: '5000.00', paid: true, region: 'RU',
      },
      { kind: 'order', code: '1000000124', amount: '4750.50', phone: '+79161234567', paid: false, region: 'KZ' },
      { kind: 'order', code: '1000000125', amount: '10.00', phone: '+79161234567', paid: false, issuedOffsetMs: 0 },
    ]);
  });

  it('reads Phone with its settings at the operator: tariff, new subscriber, outage (issue 13)', () => {
    expect(setup('Phone +79051234567 operator Beeline balance 500.00 tariff corporate new outage\nPhone +79051234568 balance 1 operator Beeline tariff forbidden')).toMatchObject([
      { phone: '+79051234567', settings: { tariff: 'corporate', newSubscriber: true, outage: true } },
      { phone: '+79051234568', settings: { tariff: 'forbidden', newSubscriber: false, outage: false } },
    ]);
    expect(() => setup('Phone +79051234567 operator Beeline balance 1 tariff gold')).toThrow('expected a tariff (corporate, forbidden, standard), found "gold"');
  });

  it('reads Set Mobile: the operators\' options, each named once or more', () => {
    expect(setup('Set Mobile keep-minimum tele2-2.35')).toMatchObject([{ key: 'Mobile', options: { keepMinimum: true, tele2Commission235: true } }]);
    expect(() => setup('Set Mobile cheap')).toThrow('expected mobile options (keep-minimum, one-request, tele2-2.35), found "cheap"');
  });

  it('reads Phone with each operator by name, in any case, and a negative balance', () => {
    expect(
      setup(
        'Phone +79161234567 operator MTS balance 120\nPhone +79261234567 balance 0 operator megafon\n' +
          'Phone +79031234567 operator Beeline balance -50.25\nPhone +79001234567 operator TELE2 balance 1.5',
      ),
    ).toEqual([
      { kind: 'phone', phone: '+79161234567', operator: 'mts', balance: '120.00', settings: DEFAULT_PHONE_SETTINGS },
      { kind: 'phone', phone: '+79261234567', operator: 'megafon', balance: '0.00', settings: DEFAULT_PHONE_SETTINGS },
      { kind: 'phone', phone: '+79031234567', operator: 'beeline', balance: '-50.25', settings: DEFAULT_PHONE_SETTINGS },
      { kind: 'phone', phone: '+79001234567', operator: 'tele2', balance: '1.50', settings: DEFAULT_PHONE_SETTINGS },
    ]);
  });
});

describe('checkTape', () => {
  it('returns the first error as a TapeSyntaxError instead of throwing', () => {
    const errors = checkTape('Launch\nInsert 300\nInsert 7', 'demo.tape');
    expect(errors).toHaveLength(1);
    const [error] = errors;
    expect(error).toBeInstanceOf(TapeSyntaxError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'TapeSyntaxError', file: 'demo.tape', line: 2, column: 8,
      expected: 'a banknote (10, 50, 100, 200, 500, 1000, 2000, 5000)', found: '"300"',
    });
  });

  it('throws the same error from parseTape', () => {
    expect(() => parseTape('Launch\nInsert 300', 'demo.tape')).toThrow(
      new TapeSyntaxError('demo.tape', 2, 8, 'a banknote (10, 50, 100, 200, 500, 1000, 2000, 5000)', '"300"'),
    );
  });
});
