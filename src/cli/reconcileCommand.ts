/**
 * `kiosk reconcile --data-dir DIR … --store URL`: each terminal's journal (its data directory's
 * terminal-journal.db) against the registry; exit 0 when nothing differs, 1 with the list otherwise.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { maskUrl } from '../store/pg/pgUrl.js';
import { JOURNAL_FILE } from '../store/terminalJournal.js';
import { parseStoreUrl, UsageError } from './args.js';
import { expectPositionals, runCommand, type Parsed } from './storeArgs.js';
import { printJson } from './storeOutput.js';

const HELP = `Usage: kiosk reconcile --data-dir DIR [--data-dir DIR …] [--store URL] [--json]

Compares each terminal's own journal (the payments it took, in DIR/${JOURNAL_FILE})
with the PostgreSQL registry (--store, or KIOSK_STORE) and lists every difference:
a payment missing in the registry (or still waiting in the outbox), one whose
cash, notes or receipt number differ, one the registry holds for a journaling
terminal that no journal has. Exit 0 when nothing differs, 1 with the list.`;

async function run({ values, positionals }: Parsed): Promise<number> {
  expectPositionals(positionals, []);
  if (values.memory === true) throw new UsageError('--memory keeps no journal: name the terminals\' data directories with --data-dir');
  const dirs = (values['data-dir'] as string[] | undefined) ?? (process.env.KIOSK_DATA_DIR ? [process.env.KIOSK_DATA_DIR] : []);
  if (dirs.length === 0) throw new UsageError('--data-dir DIR is required (a terminal\'s data directory; give one per terminal)');
  for (const dir of dirs) {
    if (!existsSync(join(dir, JOURNAL_FILE))) throw new UsageError(`--data-dir: no terminal journal in "${dir}" (expected ${join(dir, JOURNAL_FILE)})`);
  }
  const url = parseStoreUrl(typeof values.store === 'string' ? values.store : undefined, process.env);
  if (!url) throw new UsageError('--store URL (or KIOSK_STORE) is required: the registry to reconcile with');
  const [{ TerminalJournal }, { PgStore }, { reconcile, describeDifference }] = await Promise.all([
    import('../store/terminalJournal.js'), import('../store/pg/pgStore.js'), import('../store/reconcile.js')]);
  const journal = dirs.flatMap((dir) => {
    const opened = TerminalJournal.open(dir);
    try {
      return opened.payments();
    } finally {
      opened.close();
    }
  });
  const registry = await PgStore.open(url);
  let theirs;
  try {
    theirs = await registry.terminalPayments();
  } finally {
    await registry.close();
  }
  const result = reconcile(journal, theirs);
  if (values.json === true) {
    printJson({ registry: maskUrl(url), ...result });
  } else if (result.differences.length === 0) {
    process.stdout.write(`Nothing differs: ${result.journaled} payments of ${result.terminals.length} terminals (${result.terminals.join(', ') || 'none'}) match the registry ${maskUrl(url)}.\n`);
  } else {
    process.stdout.write(`${result.differences.length} differences between the journals and the registry ${maskUrl(url)}:\n`);
    for (const difference of result.differences) process.stdout.write(`  ${describeDifference(difference)}\n`);
  }
  return result.differences.length === 0 ? 0 : 1;
}

export const runReconcile = (argv: string[]) => runCommand('reconcile', HELP, argv, { 'data-dir': { type: 'string', multiple: true } }, run);
