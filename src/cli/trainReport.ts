/** `kiosk train report`: the instructor's report from the attempts the store keeps (issue 15). */
import { programNow } from '../adapters/programClock.js';
import { DEFAULT_PASS_PERCENT } from '../domain/training/passMark.js';
import { trainingReport } from '../domain/training/report.js';
import { UsageError } from './args.js';
import { trainingReportHtml } from '../report/trainingHtml.js';
import { replayFrames } from './trainReplay.js';
import { colorsFor } from './colors.js';
import { expectPositionals, parseWhen, runCommand, text, withStore, type Parsed, type Values } from './storeArgs.js';
import { REPORT_FORMATS, reportCsv, reportJson, reportJunit, reportTable, type ReportFormat } from './trainReportFormats.js';
import { statementsJsonLines } from '../domain/training/xapi.js';
import { parseXapiOptions, sendXapi, XAPI_HELP } from './trainXapi.js';

const HELP = `Usage:
  kiosk train report [--trainee NAME] [--since WHEN] [--format F]
                     [--pass-mark P] [--xapi-send URL --xapi-auth KEY:SECRET]

Every trainee's results, per exercise: the best and the last score (in % of the maximum), how many
finished attempts passed, the median time, the attempts (abandoned ones counted apart) and the most
frequent mistakes with their rule IDs. Best, last, pass rate and time count finished attempts only.
Practice never counts as real: only these records reach the store, never training money.

  --trainee NAME   only this trainee's attempts (the name as given to kiosk train)
  --since WHEN     only attempts started since then: 7d, 2h (ago) or an ISO date like 2026-11-20
  --format F       table (default; fits 80 columns), csv (a header line, RFC 4180), json (stable,
                   with every attempt's id for kiosk train replay), junit (one testsuite per
                   trainee, one testcase per attempt, a failure naming the missed rules; an
                   abandoned attempt is skipped), xapi (xAPI 1.0.3 statements, one JSON
                   object a line) or html (one self-contained page to open in a browser:
                   tables, charts of scores, pass rate per rule and mistakes, each attempt's
                   debrief with the frame at each mistake and its replay); --json is
                   --format json
  --pass-mark P    the pass mark in % of an exercise's maximum, 1 to 100, for exercises that set
                   none (default ${DEFAULT_PASS_PERCENT})
${XAPI_HELP}

Examples:
  kiosk train report --since 7d
  kiosk train report --trainee "Anna Petrova" --format csv > anna.csv
  kiosk train report --format junit > training.xml
  kiosk train report --format html > training.html
  kiosk train report --xapi-send http://localhost:8080/xapi --xapi-auth my-key:my-secret`;

const OPTIONS = {
  trainee: { type: 'string' }, since: { type: 'string' }, format: { type: 'string' }, 'pass-mark': { type: 'string' },
  'xapi-send': { type: 'string' }, 'xapi-auth': { type: 'string' }, 'xapi-home': { type: 'string' },
} as const;

function parseFormat(values: Values): ReportFormat {
  const format = text(values, 'format') ?? (values.json === true ? 'json' : 'table');
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: expected table, csv, json, junit, xapi or html, got "${format}"`);
  if (values.json === true && format !== 'json') throw new UsageError(`--json and --format ${format} disagree`);
  return format as ReportFormat;
}

function parsePassMark(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PASS_PERCENT;
  const percent = Number(value.replace(/\s*%$/, ''));
  if (!/^\d+\s*%?$/.test(value) || percent < 1 || percent > 100) throw new UsageError(`--pass-mark: expected a whole percent from 1 to 100 like 80, got "${value}"`);
  return percent;
}

function parseTrainee(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (value.trim() === '') throw new UsageError('--trainee: expected a name, got ""');
  return value;
}

async function run({ values, positionals }: Parsed): Promise<number> {
  expectPositionals(positionals, []);
  const format = parseFormat(values);
  const xapi = parseXapiOptions(values, format);
  const passPercent = parsePassMark(text(values, 'pass-mark'));
  const trainee = parseTrainee(text(values, 'trainee'));
  const sinceText = text(values, 'since');
  return withStore(values, async (store) => {
    // `--since 7d` counts back from the program's time, as the attempts' times are the program clock's
    const since = sinceText === undefined ? null : parseWhen('since', sinceText, await programNow(store));
    const attempts = await store.listTrainingAttempts({ ...(trainee !== null ? { trainee } : {}), ...(since !== null ? { since } : {}) });
    if (xapi.send) return sendXapi(attempts, { ...xapi.send, passPercent, homePage: xapi.homePage }, values);
    const report = trainingReport(attempts, { passPercent });
    const out =
      format === 'xapi' ? statementsJsonLines(attempts, { passPercent, homePage: xapi.homePage })
      : format === 'html' ? await trainingReportHtml(attempts, report, { replay: (attempt) => replayFrames(attempt, { colors: true }), subtitle: trainee !== null ? `trainee ${trainee}` : 'every trainee' })
      : format === 'csv' ? reportCsv(report)
      : format === 'json' ? reportJson(report, { trainee, since })
      : format === 'junit' ? reportJunit(report)
      : reportTable(report, colorsFor(process.stdout));
    process.stdout.write(out);
    return 0;
  });
}

export const runTrainReport = (argv: string[]) => runCommand('train report', HELP, argv, OPTIONS, run);
