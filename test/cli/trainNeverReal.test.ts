/**
 * Practice never counts as real (issue 15): training runs on a sandbox store, and the real store
 * gets only the attempt records, which no report of the store lists. Proof: every report command
 * prints exactly the same before and after attempts are recorded, and nothing of them.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runEncashments } from '../../src/cli/encashmentsCommand.js';
import { runJournal, runOrders, runPhones, runReceipts } from '../../src/cli/storeCommands.js';
import { DEMO_PHONE } from '../../src/domain/orders/demo.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { CLASS } from '../domain/training/classFixture.js';
import { attempt, checkpoint } from '../domain/training/fixtures.js';
import { insertNotesSync, NOW, openCashSessionSync, useTempDirs } from '../store/helpers.js';

const tempDir = useTempDirs();

type Command = (argv: string[]) => Promise<number>;

/** What every report of the store prints, as text and as JSON. */
const REPORTS: Array<[string, Command, string[]]> = [
  ['orders list', runOrders, ['list']],
  ['orders list --json', runOrders, ['list', '--json']],
  ['orders show', runOrders, ['show', '1000000001', '--json']],
  ['journal', runJournal, []],
  ['journal --format csv', runJournal, ['--format', 'csv']],
  ['receipts list', runReceipts, ['list', '--json']],
  ['encashments', runEncashments, ['--format', 'json']],
  ['phones show', runPhones, ['show', DEMO_PHONE, '--json']],
];

async function printed(command: Command, argv: string[]): Promise<string> {
  let out = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  try {
    expect(await command(argv)).toBe(0);
    return out;
  } finally {
    stdout.mockRestore();
  }
}

/** One after another: each captures standard output while it runs. */
async function everyReport(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, command, argv] of REPORTS) out[name] = await printed(command, [...argv, '--data-dir', dir]);
  return out;
}

describe('practice never counts as real', () => {
  it('no report of the store (orders, journal, receipts, encashments, phones) lists anything of training', async () => {
    vi.stubEnv('NO_COLOR', '1');
    const dir = tempDir();
    // real business first, so that the reports have something to show: a payment, an encashment
    await printed(runOrders, ['list', '--data-dir', dir]);
    const store = SqliteStore.open(join(dir, 'kiosk.db'));
    openCashSessionSync(store, 'real-1', '1000000001', '4750.00');
    insertNotesSync(store, 'real-1', [5000]);
    store.completePayment('real-1', 'pay', NOW + 10_000);
    store.encash('T1', NOW + 20_000);
    store.close();
    const before = await everyReport(dir);

    const trainee = 'Trainee Zyx';
    const practice = [...CLASS, attempt(trainee, 'terminal-demo-1000000002', [checkpoint('pay-1000000002', 'R-TERM-2', false)], { id: 'practice-9' })];
    const again = SqliteStore.open(join(dir, 'kiosk.db'));
    for (const a of practice) again.recordTrainingAttempt(a);
    expect(again.listTrainingAttempts()).toHaveLength(practice.length);
    again.close();
    const after = await everyReport(dir);

    expect(after).toEqual(before);
    expect(before['receipts list']).toContain('1000000001');
    const everything = Object.values(after).join('\n');
    for (const word of [trainee, 'practice-9', 'terminal-demo', 'Anna', 'Boris', ...practice.map((a) => a.id)]) expect(everything).not.toContain(word);
    vi.unstubAllEnvs();
  });
});
