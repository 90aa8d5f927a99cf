import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEMO_PHONE } from '../../src/domain/orders/demo.js';
import { HOUR_MS } from '../../src/domain/rules.js';
import { openDataStore } from '../../src/store/dataDir.js';
import { LATEST_SCHEMA_VERSION } from '../../src/store/migrations.js';
import { insertNotesSync, NOW, openCashSessionSync, useTempDirs } from '../store/helpers.js';
import { inDir, kiosk } from './helpers.js';

const tempDir = useTempDirs();

describe('kiosk orders', () => {
  it('new prints a fresh code that show, list and reprice then find', () => {
    const run = inDir(tempDir());
    const created = run('orders', 'new', '--amount', '4750', '--phone', '+7 (916) 123-45-67', '--issued', '-2h', '--price', '4800.50');
    expect(created).toMatchObject({ status: 0, stderr: '' });
    const code = created.stdout.trim();
    expect(code).toMatch(/^[1-9]\d{9}$/);

    const shown = JSON.parse(run('orders', 'show', code, '--json').stdout);
    expect(shown).toMatchObject({ code, codeAmount: '4750.00', price: '4800.50', owed: '4800.50', phone: DEMO_PHONE, region: 'RU', status: 'awaiting' });
    const issuedAgo = Date.now() - Date.parse(shown.issuedAt);
    expect(issuedAgo).toBeGreaterThanOrEqual(2 * HOUR_MS);
    expect(issuedAgo).toBeLessThan(2 * HOUR_MS + 60_000);
    expect(run('orders', 'show', code).stdout).toMatch(/price {7}4,800\.50\s₽/);

    const list = run('orders', 'list', '--json');
    expect(JSON.parse(list.stdout).map((o: { code: string }) => o.code)).toEqual([
      '1000000001', '1000000002', '1000000003', '1000000004', '1000000005', '1000000006', code,
    ]);
    expect(run('orders', 'list').stdout.split('\n')[0]).toMatch(/^\s*CODE\s+AMOUNT\s+PRICE\s+STATUS/);

    const repriced = run('orders', 'reprice', code, '--price', '5000', '--json');
    expect(JSON.parse(repriced.stdout)).toMatchObject({ code, codeAmount: '4750.00', price: '5000.00', owed: '5000.00' });
  });

  it('takes --code, --region and --channel, and refuses a code that exists', () => {
    const run = inDir(tempDir());
    expect(run('orders', 'new', '--amount', '100', '--phone', '89161234567', '--code', '5550001111', '--region', 'KZ', '--channel', 'app'))
      .toMatchObject({ status: 0, stdout: '5550001111\n' });
    expect(JSON.parse(run('orders', 'show', '5550001111', '--json').stdout)).toMatchObject({ region: 'KZ', channel: 'app' });
    const again = run('orders', 'new', '--amount', '100', '--phone', '89161234567', '--code', '5550001111');
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('order 5550001111 exists already');
  });

  it('exits 1 for an order that is not there, naming it', () => {
    const run = inDir(tempDir());
    for (const args of [['show', '4242424242'], ['reprice', '4242424242', '--price', '10']]) {
      const result = run('orders', ...args);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe('kiosk orders: no order "4242424242"\n');
    }
  });

  it.each([
    [['new', '--amount', 'abc', '--phone', DEMO_PHONE], '--amount: expected an amount in rubles like 4750 or 4750.50, got "abc"'],
    [['new', '--amount', '0', '--phone', DEMO_PHONE], '--amount: must be more than 0, got "0"'],
    [['new', '--amount', '10.505', '--phone', DEMO_PHONE], 'got "10.505"'],
    [['new', '--amount', '10', '--phone', '12345'], 'expected a Russian mobile number like +79161234567, got "12345"'],
    [['new', '--phone', DEMO_PHONE], '--amount is required'],
    [['new', '--amount', '10', '--phone', DEMO_PHONE, '--issued', 'soon'], '--issued: expected a time like 2h (ago)'],
    [['new', '--amount', '10', '--phone', DEMO_PHONE, '--region', 'ru'], '--region: expected two capital letters like RU, got "ru"'],
    [['reprice', '1000000001'], '--price is required'],
    [['reprice', '1000000001', '--price', 'lots'], 'got "lots"'],
    [['list', '--price', '10'], '--price does not apply to "orders list"'],
    [['show'], 'missing CODE'],
    [['show', '1', '2'], 'unexpected argument "2"'],
    [['remove', '1'], 'unknown action "remove"'],
    [['list', '--colour'], 'unknown option "--colour"\n'],
    [['list', "--colour'"], 'unknown option "--colour\'"\n'],
  ])('exits 2 for %j, naming the bad value', (args, message) => {
    const dir = tempDir();
    const result = inDir(dir)('orders', ...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain("Try 'kiosk orders --help'.");
    expect(result.stdout).toBe('');
  });
});

describe('kiosk phones, journal and receipts on a store with payments', () => {
  /** A data directory where two sessions were paid (one of them with change to the phone) and one is still open. */
  function paidDir(): string {
    const dir = tempDir();
    expect(inDir(dir)('orders', 'list').status).toBe(0); // creates and seeds the database
    const store = openDataStore(dir);
    openCashSessionSync(store, 'old', '1000000002', '3000.00');
    insertNotesSync(store, 'old', [1000, 2000]);
    store.completePayment('old', 'pay', NOW + 10_000);
    const recent = Date.now() - 60_000;
    openCashSessionSync(store, 'new', '1000000001', '4750.00', { openedAt: recent });
    store.journalNote('new', 5000, recent);
    const outcome = store.completePayment('new', 'pay', recent + 1000);
    store.setReceiptText(outcome.receipt.number, 'AS PRINTED\nT1-000002');
    openCashSessionSync(store, 'open', '1000000006', '2300.00', { openedAt: recent });
    store.journalNote('open', 100, recent + 2000);
    store.close();
    return dir;
  }

  it('phones show: balance, ledger and SMS, as text and JSON', () => {
    const run = inDir(paidDir());
    const text = run('phones', 'show', '89161234567');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Phone +7 (916) 123-45-67 (MTS)');
    expect(text.stdout).toMatch(/Balance 250\.00\s₽/);
    expect(text.stdout).toContain('change from receipt T1-000002 (pay)');
    const json = JSON.parse(run('phones', 'show', DEMO_PHONE, '--json').stdout);
    expect(json).toMatchObject({ phone: DEMO_PHONE, operator: 'mts', balance: '250.00' });
    expect(json.ledger).toEqual([expect.objectContaining({ amount: '250.00', reason: 'change from receipt T1-000002 (pay)' })]);
    expect(json.sms).toEqual([expect.objectContaining({ kind: 'topup', amount: '250.00', receipt: 'T1-000002' })]);
  });

  it('phones show: exit 1 for a number the store does not know, 2 for one that is not a number', () => {
    const run = inDir(paidDir());
    expect(run('phones', 'show', '+79031112233')).toMatchObject({ status: 1, stderr: 'kiosk phones: no account or order for +7 (903) 111-22-33\n' });
    expect(run('phones', 'show', 'nobody')).toMatchObject({ status: 2 });
    expect(run('phones', 'show', 'nobody').stderr).toContain('got "nobody"');
  });

  it('journal: every note with its session and fate, as text, CSV and JSON, and --since filters', () => {
    const run = inDir(paidDir());
    const all = JSON.parse(run('journal', '--json').stdout);
    expect(all.map((e: { note: number; state: string; receipt: string | null }) => [e.note, e.state, e.receipt])).toEqual([
      [1000, 'paid', 'T1-000001'],
      [2000, 'paid', 'T1-000001'],
      [5000, 'paid', 'T1-000002'],
      [100, 'open', null],
    ]);
    expect(run('journal').stdout).toMatch(/4 notes, 8,100\.00\s₽\n$/);
    const csv = run('journal', '--since', '2h', '--format', 'csv').stdout.split('\r\n');
    expect(csv[0]).toBe('at,note,session,terminal,code,state,receipt');
    expect(csv.slice(1, -1).map((line) => line.split(',').slice(1, 7).join(','))).toEqual([
      '5000,new,T1,1000000001,paid,T1-000002',
      '100,open,T1,1000000006,open,',
    ]);
    expect(JSON.parse(run('journal', '--since', new Date(NOW + 1500).toISOString(), '--json').stdout)).toHaveLength(3);
    expect(run('journal', '--since', 'last week')).toMatchObject({ status: 2 });
    expect(run('journal', '--format', 'xml').stderr).toContain('--format: expected text, csv or json, got "xml"');
  });

  it('journal text: every cell under its header, and "1 note" for one note', () => {
    const run = inDir(paidDir());
    const lines = run('journal').stdout.trimEnd().split('\n');
    const [header, ...rest] = lines;
    const rows = rest.slice(0, -1);
    expect(rows).toHaveLength(4);
    // every column starts (left-aligned) or ends (right-aligned) where its header does
    for (const name of ['SESSION', 'TERMINAL', 'CODE', 'STATE', 'RECEIPT']) {
      const start = header!.indexOf(name);
      for (const row of rows) expect(row[start - 1], `${name} in ${JSON.stringify(row)}`).toBe(' ');
      for (const row of rows) expect(row[start], `${name} in ${JSON.stringify(row)}`).not.toBe(' ');
    }
    const noteEnd = header!.indexOf('NOTE') + 'NOTE'.length;
    for (const row of rows) expect(row.slice(noteEnd - 4, noteEnd)).toMatch(/^[\d ]*\d$/);
    expect(run('journal', '--since', '-1s').stdout).toBe('0 notes, 0.00\u00a0₽\n');
    const oneNote = tempDir();
    expect(inDir(oneNote)('orders', 'list').status).toBe(0);
    const store = openDataStore(oneNote);
    openCashSessionSync(store, 'one', '1000000001', '4750.00');
    insertNotesSync(store, 'one', [50]);
    store.close();
    expect(inDir(oneNote)('journal').stdout).toMatch(/\n1 note, 50\.00\s₽\n$/);
  });

  it('receipts list: number, time, order, paid, to phone; --since, --json and the common options', () => {
    const run = inDir(paidDir());
    const text = run('receipts', 'list');
    expect(text.status).toBe(0);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NUMBER\s+AT\s+ORDER\s+PAID\s+TO PHONE$/);
    expect(lines[1]).toMatch(/^T1-000001\s+2025-01-15T12:00:10\.000Z\s+1000000002\s+3,000\.00\s₽\s+0\.00\s₽$/);
    expect(lines[2]).toMatch(/^T1-000002\s+\S+Z\s+1000000001\s+5,000\.00\s₽\s+250\.00\s₽$/);
    expect(lines[3]).toBe('2 receipts');
    const json = JSON.parse(run('receipts', 'list', '--since', '2h', '--json').stdout);
    expect(json).toEqual([expect.objectContaining({ number: 'T1-000002', code: '1000000001', accepted: '5000.00', toPhone: '250.00' })]);
    expect(run('receipts', 'list', '--since', '-1s').stdout).toBe('0 receipts\n');
    expect(run('receipts', 'list', '--lang', 'en')).toMatchObject({ status: 2, stderr: expect.stringContaining('--lang does not apply to "receipts list"') });
    expect(run('receipts', 'list', 'T1')).toMatchObject({ status: 2, stderr: expect.stringContaining('unexpected argument "T1"') });
    expect(kiosk(['receipts', 'list', '--memory'])).toMatchObject({ status: 0, stdout: '0 receipts\n' });
  });

  it('receipts show: the text as printed; one whose printing was cut off is rendered from its fields', () => {
    const run = inDir(paidDir());
    expect(run('receipts', 'show', 'T1-000002')).toMatchObject({ status: 0, stdout: 'AS PRINTED\nT1-000002\n' });
    const rendered = run('receipts', 'show', 'T1-000001', '--lang', 'en');
    expect(rendered.stdout).toContain('RECEIPT');
    expect(rendered.stdout).toMatch(/Receipt no\.\s+T1-000001/);
    expect(rendered.stdout).toMatch(/Credited to the order\s+3,000\.00\s₽/);
    expect(JSON.parse(run('receipts', 'show', 'T1-000002', '--json').stdout)).toMatchObject({
      number: 'T1-000002', printed: true, text: 'AS PRINTED\nT1-000002', toPhone: '250.00',
    });
    expect(run('receipts', 'show', 'T9-000001')).toMatchObject({ status: 1, stderr: 'kiosk receipts: no receipt "T9-000001"\n' });
  });
});

describe('where the data lives', () => {
  it('is $XDG_DATA_HOME/aliexpress-kiosk by default, KIOSK_DATA_DIR over it, --data-dir over both; --help says which', () => {
    const xdg = tempDir();
    const envDir = join(tempDir(), 'from-env');
    const flagDir = join(tempDir(), 'from-flag');
    expect(kiosk(['--help'], { XDG_DATA_HOME: xdg }).stdout).toContain(`Data: ${join(xdg, 'aliexpress-kiosk')}\n`);
    expect(kiosk(['--help'], { XDG_DATA_HOME: xdg, KIOSK_DATA_DIR: envDir }).stdout).toContain(`Data: ${envDir}\n`);
    expect(kiosk(['--help', '--data-dir', flagDir], { KIOSK_DATA_DIR: envDir }).stdout).toContain(`Data: ${flagDir}\n`);
    expect(kiosk(['--help'], { HOME: '/home/ann' }).stdout).toContain('Data: /home/ann/.local/share/aliexpress-kiosk\n');
    expect(kiosk(['--help', '--memory']).stdout).toContain('Data: in memory only');

    expect(kiosk(['orders', 'new', '--amount', '5', '--phone', DEMO_PHONE, '--code', '7770000001'], { XDG_DATA_HOME: xdg }).status).toBe(0);
    expect(kiosk(['orders', 'show', '7770000001'], { KIOSK_DATA_DIR: join(xdg, 'aliexpress-kiosk') }).status).toBe(0);
    expect(kiosk(['orders', 'show', '7770000001'], { KIOSK_DATA_DIR: envDir }).status).toBe(1);
    expect(kiosk(['orders', 'show', '7770000001', '--data-dir', flagDir], { XDG_DATA_HOME: xdg }).status).toBe(1);
    expect(existsSync(join(envDir, 'kiosk.db')) && existsSync(join(flagDir, 'kiosk.db'))).toBe(true);
  });

  it('--memory: the demo orders, nothing written anywhere', () => {
    const xdg = tempDir();
    const listed = kiosk(['orders', 'list', '--memory', '--json'], { XDG_DATA_HOME: xdg, HOME: xdg });
    expect(JSON.parse(listed.stdout)).toHaveLength(6);
    expect(kiosk(['orders', 'new', '--memory', '--amount', '5', '--phone', DEMO_PHONE], { XDG_DATA_HOME: xdg }).status).toBe(0);
    expect(readdirSync(xdg)).toEqual([]);
    expect(kiosk(['orders', 'list', '--memory', '--data-dir', xdg]).stderr).toContain('--memory and --data-dir cannot be used together');
  });

  it('seeds the demo orders once: a later start does not bring back a repriced or added order', () => {
    const run = inDir(tempDir());
    run('orders', 'reprice', '1000000002', '--price', '3100');
    run('orders', 'list');
    expect(JSON.parse(run('orders', 'show', '1000000002', '--json').stdout).price).toBe('3100.00');
    expect(JSON.parse(run('orders', 'list', '--json').stdout)).toHaveLength(6);
  });
});

describe('refused data files, left byte-identical', () => {
  function refused(dir: string) {
    const path = join(dir, 'kiosk.db');
    const before = readFileSync(path);
    const result = inDir(dir)('orders', 'list');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(path);
    expect(result.stdout).toBe('');
    expect(readFileSync(path).equals(before)).toBe(true);
    return result.stderr;
  }

  it('not a database', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'kiosk.db'), 'a shopping list\n'.repeat(100));
    expect(refused(dir)).toContain('is not a SQLite database');
    expect(readdirSync(dir)).toEqual(['kiosk.db']);
  });

  it('a newer schema', () => {
    const dir = tempDir();
    inDir(dir)('orders', 'list');
    const raw = new Database(join(dir, 'kiosk.db'));
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    expect(refused(dir)).toContain(`has schema version ${LATEST_SCHEMA_VERSION + 5}`);
  });

  it('a corrupt database', () => {
    const dir = tempDir();
    inDir(dir)('orders', 'list');
    const path = join(dir, 'kiosk.db');
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 100, 4096);
    writeFileSync(path, bytes);
    expect(refused(dir)).toContain('corrupt');
  });
});

describe('kiosk <command>', () => {
  // a lookup by `SUBCOMMANDS[name]` finds Object.prototype's members: `constructor` crashed with a TypeError
  it.each(['nosuch', 'constructor', 'toString', '__proto__', 'hasOwnProperty'])('exits 2 for the unknown command %j, listing the commands', (name) => {
    const result = kiosk([name]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`kiosk: unknown command "${name}" (commands: orders, phones, journal, receipts, tape, encashments, store, reconcile, skins, train)\nTry 'kiosk --help'.\n`);
    expect(result.stdout).toBe('');
  });
});
