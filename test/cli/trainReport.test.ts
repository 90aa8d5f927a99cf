/** `kiosk train report` (issue 15): the instructor's report from the store, in four formats, with errors that name the bad value. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ANNA_1, ANNA_2, ANNA_3, ANNA_4, BORIS_1, CLASS } from '../domain/training/classFixture.js';
import { attempt, checkpoint, T0 } from '../domain/training/fixtures.js';
import { storeWith, train } from './trainHelpers.js';
import { parseXml } from './xml.js';

beforeEach(() => {
  vi.stubEnv('NO_COLOR', '1');
  return () => vi.unstubAllEnvs();
});

describe('kiosk train report', () => {
  it('table: per trainee a summary with the most frequent mistakes, per exercise a row; fits 80 columns', async () => {
    const { code, out, err } = await train('report', '--data-dir', storeWith(CLASS));
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toContain([
      'Anna: 6 attempts, 1 abandoned',
      '  passed 2 of 5 (40 %), median time 1:00',
      '  most frequent mistakes: R-TERM-2 ×2, R-TERM-6 ×2, R-TERM-1 ×1, R-TERM-3 ×1',
      '  EXERCISE         BEST  LAST  PASSED  MEDIAN  TRIES  TOP MISTAKE',
      '  terminal-cap      50%    0%     1/2    1:01      2  R-TERM-6 ×2',
      '  terminal-change  100%   50%     1/3    1:00    3+1  R-TERM-2 ×2',
      // an exercise that sets its own pass mark gets a line saying which attempt counts (issue 18)
      '  terminal-cap: the best attempt counts: 50 % (10 of 20, 10 to pass), passed',
      '',
      'Boris: 1 attempt',
    ].join('\n'));
    expect(out).toContain('Pass mark: 80 % of an exercise\'s maximum unless it sets its own.');
  });

  it('table: long names and exercise ids are cut with "…", so no line is wider than 80 columns', async () => {
    const name = 'Konstantin Konstantinopolsky-Rimsky-Korsakov the Younger, trainee of the month';
    const exercise = 'post-over-fifteen-thousand-with-change-and-a-long-story';
    const long = attempt(name, exercise, [checkpoint('a-very-long-checkpoint', 'R-CASH-10', false)]);
    const { out } = await train('report', '--data-dir', storeWith([...CLASS, long]));
    const wide = out.split('\n').filter((line) => [...line].length > 80);
    expect(wide).toEqual([]);
    expect(out).toContain('Konstantin Konstantinopolsky-Rimsky-Korsakov');
    expect(out).toMatch(/ {2}post-over-fifteen-tho… +0% +0% +0\/1 +1:00 +1 +R-CASH-10 ×1\n/);
  });

  it('nothing recorded: says so, exit 0', async () => {
    expect(await train('report', '--data-dir', storeWith([]))).toEqual({ code: 0, out: 'No training attempts.\n', err: '' });
  });

  it('--trainee and --since choose the attempts; --since counts back from now (7d) or takes a date', async () => {
    const dir = storeWith(CLASS);
    const anna = await train('report', '--data-dir', dir, '--trainee', 'Anna', '--format', 'json');
    expect(JSON.parse(anna.out).trainees.map((t: { trainee: string }) => t.trainee)).toEqual(['Anna']);
    // "now" three days after the fixtures: 7d reaches them, 1d does not
    vi.useFakeTimers({ now: T0 + 3 * 24 * 3600_000, toFake: ['Date'] });
    try {
      expect(JSON.parse((await train('report', '--data-dir', dir, '--since', '7d', '--json')).out).trainees).toHaveLength(2);
      expect(JSON.parse((await train('report', '--data-dir', dir, '--since', '1d', '--json')).out).trainees).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
    // ANNA_3 started at T0 + 20 min: it and the later ones
    const since = new Date(ANNA_3.startedAt).toISOString();
    const later = JSON.parse((await train('report', '--data-dir', dir, '--since', since, '--json')).out);
    expect(later.filter).toEqual({ trainee: null, since });
    expect(later.trainees[0].exercises.find((e: { exerciseId: string }) => e.exerciseId === 'terminal-change').attempts.map((a: { id: string }) => a.id))
      .toEqual([ANNA_3.id, ANNA_4.id]);
  });

  it('CSV: a header line, one row per trainee and exercise, RFC 4180 quoting (a comma, a quote)', async () => {
    const quoted = { ...BORIS_1, id: 'q-1', trainee: 'Petrova, Anna "Anya"' };
    const { out } = await train('report', '--data-dir', storeWith([ANNA_1, ANNA_2, quoted]), '--format', 'csv');
    const lines = out.split('\r\n');
    expect(lines[0]).toBe('trainee,exercise,title_ru,title_en,finished,abandoned,passed,pass_rate_percent,best_score,best_max,best_percent,'
      + 'last_score,last_max,last_percent,median_seconds,top_mistake,top_mistake_count,mistakes,counts,counted_percent,counted_passed,attempts_allowed,'
      + 'best_seed,last_seed,seeds');
    // the fixtures' exercises don't vary: their seed columns are empty
    expect(lines[1]).toBe('Anna,terminal-change,Упражнение terminal-change,Exercise terminal-change,2,0,1,50,20,20,100,20,20,100,75,R-TERM-2,1,R-TERM-2:1,best,100,1,,,,');
    expect(lines[2]).toBe('"Petrova, Anna ""Anya""",terminal-change,Упражнение terminal-change,Exercise terminal-change,1,0,1,100,20,20,100,20,20,100,120,,,,best,100,1,,,,');
    expect(lines.slice(3)).toEqual(['']);
  });

  it('CSV and JSON carry each attempt\'s seed (issue 18): --seed N plays it again; empty / null where the exercise does not vary', async () => {
    // Anna's first attempt scored 10 of 20 from seed 7, her second 20 of 20 from seed 4294967295; Boris played the file's own numbers
    const dir = storeWith([{ ...ANNA_1, seed: 7 }, { ...ANNA_2, seed: 4294967295 }, BORIS_1]);
    const rows = (await train('report', '--data-dir', dir, '--format', 'csv')).out.split('\r\n');
    const seedColumns = (line: string) => line.split(',').slice(-3);
    expect(seedColumns(rows[0]!)).toEqual(['best_seed', 'last_seed', 'seeds']);
    expect(seedColumns(rows[1]!)).toEqual(['4294967295', '4294967295', `${ANNA_1.id}:7 ${ANNA_2.id}:4294967295`]);
    expect(seedColumns(rows[2]!)).toEqual(['', '', '']);
    type Line = { id: string; seed: number | null };
    const json = JSON.parse((await train('report', '--data-dir', dir, '--json')).out);
    const [anna, boris] = json.trainees.map((t: { exercises: Array<{ attempts: Line[] }> }) => t.exercises[0]!);
    expect(anna.attempts.map((a: Line) => [a.id, a.seed])).toEqual([[ANNA_1.id, 7], [ANNA_2.id, 4294967295]]);
    expect(anna).toMatchObject({ best: { id: ANNA_2.id, seed: 4294967295 }, last: { id: ANNA_2.id, seed: 4294967295 } });
    expect(boris.attempts.map((a: Line) => a.seed)).toEqual([null]);
  });

  it('JSON: stable (the same twice), every attempt with its id, times in ISO 8601', async () => {
    const dir = storeWith(CLASS);
    const first = await train('report', '--data-dir', dir, '--format', 'json');
    expect((await train('report', '--data-dir', dir, '--json')).out).toBe(first.out);
    const report = JSON.parse(first.out);
    expect(Object.keys(report)).toEqual(['passPercent', 'filter', 'trainees']);
    expect(report.trainees[1]).toMatchObject({ trainee: 'Boris', passRate: 1, best: { id: BORIS_1.id, startedAt: new Date(BORIS_1.startedAt).toISOString() } });
    expect(report.trainees.flatMap((t: { exercises: Array<{ attempts: unknown[] }> }) => t.exercises.flatMap((e) => e.attempts))).toHaveLength(CLASS.length);
  });

  it('JUnit: well-formed XML, a testsuite per trainee, a testcase per attempt, a failure naming the missed rules', async () => {
    const { out } = await train('report', '--data-dir', storeWith(CLASS), '--format', 'junit');
    const root = parseXml(out);
    expect(root).toMatchObject({ name: 'testsuites', attrs: { tests: '7', failures: '3', errors: '0' } });
    expect(root.children.map((s) => [s.attrs.name, s.attrs.tests, s.attrs.failures, s.attrs.skipped])).toEqual([['Anna', '6', '3', '1'], ['Boris', '1', '0', '0']]);
    const anna = root.children[0]!.children;
    expect(anna.map((c) => c.attrs.name)).toEqual(CLASS.filter((a) => a.trainee === 'Anna').sort((a, b) => a.startedAt - b.startedAt).map((a) => `${a.exerciseId} ${a.id}`));
    expect(anna[0]!.children[0]).toMatchObject({ name: 'failure', attrs: { message: 'scored 10 of 20 (50 %), 16 needed to pass: missed R-TERM-2' } });
    expect(anna[1]!.children).toEqual([]);
    expect(anna[3]!.children[0]).toMatchObject({ name: 'skipped', attrs: { message: 'abandoned after 0:05' } });
    // a name that XML must escape
    const odd = parseXml((await train('report', '--data-dir', storeWith([{ ...BORIS_1, trainee: 'A & B <"Q">' }]), '--format', 'junit')).out);
    expect(odd.children[0]!.attrs.name).toBe('A & B <"Q">');
  });

  it('--pass-mark sets the default pass mark: at 50 %, Anna\'s 10 of 20 passes', async () => {
    const { out } = await train('report', '--data-dir', storeWith([ANNA_1]), '--pass-mark', '50', '--json');
    expect(JSON.parse(out)).toMatchObject({ passPercent: 50, trainees: [{ passed: 1, passRate: 1 }] });
  });

  it.each([
    [['--format', 'xml'], '--format: expected table, csv, json, junit, xapi or html, got "xml"'],
    [['--since', 'last week'], '--since: expected a time like 2h (ago), 30m, 3d, 2025-01-15 or 2025-01-15T10:00:00Z, got "last week"'],
    [['--pass-mark', '120'], '--pass-mark: expected a whole percent from 1 to 100 like 80, got "120"'],
    [['--pass-mark', '79.5'], '--pass-mark: expected a whole percent from 1 to 100 like 80, got "79.5"'],
    [['--trainee', ''], '--trainee: expected a name, got ""'],
    [['--json', '--format', 'csv'], '--json and --format csv disagree'],
    [['--colour'], 'unknown option'],
    [['extra'], 'unexpected argument "extra"'],
  ])('%j: exit 2 naming the bad value', async (args, message) => {
    const { code, out, err } = await train('report', '--memory', ...args);
    expect({ code, out }).toEqual({ code: 2, out: '' });
    expect(err).toContain(message);
    expect(err).toContain("Try 'kiosk train report --help'.");
  });

  it('--help: exit 0, every line at most 80 columns', async () => {
    const { code, out } = await train('report', '--help');
    expect(code).toBe(0);
    expect(out).toContain('kiosk train report [--trainee NAME] [--since WHEN]');
    expect(out.split('\n').filter((l) => [...l].length > 80)).toEqual([]);
  });
});
