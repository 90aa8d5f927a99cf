/**
 * `kiosk train report --format xapi` and `--xapi-send` (issue 18) against a stand-in LRS on
 * 127.0.0.1: the version header and the auth, sending twice, a refusal kept in the outbox and
 * resumed, an unreachable LRS, and the key never printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BATCH_SIZE } from '../../src/adapters/xapiSend.js';
import { OUTBOX_FILE } from '../../src/adapters/xapiOutbox.js';
import { attemptStatements } from '../../src/domain/training/xapi.js';
import { CLASS } from '../domain/training/classFixture.js';
import { attempt, checkpoint } from '../domain/training/fixtures.js';
import { xapiProblems } from '../domain/training/xapiValidator.js';
import { startStandInLrs, type StandInLrs } from './standInLrs.js';
import { storeWith, train } from './trainHelpers.js';

const AUTH = 'trainer-key:s3cret-Secret';
const SECRETS = ['s3cret-Secret', Buffer.from(AUTH).toString('base64')];
const ALL = CLASS.flatMap((a) => attemptStatements(a));
let lrs: StandInLrs;

beforeEach(async () => {
  vi.stubEnv('NO_COLOR', '1');
  lrs = await startStandInLrs(AUTH);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await lrs.close();
});

const send = (dir: string, ...more: string[]) => train('report', '--data-dir', dir, '--xapi-send', lrs.endpoint, '--xapi-auth', AUTH, ...more);
const outboxIds = (dir: string) => readFileSync(join(dir, OUTBOX_FILE), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id);
const noSecret = (text: string) => SECRETS.filter((secret) => text.includes(secret));

describe('kiosk train report --format xapi', () => {
  it('prints every attempt\'s statements as JSON lines, each one valid', async () => {
    const { code, out, err } = await train('report', '--data-dir', storeWith(CLASS), '--format', 'xapi', '--xapi-home', 'https://lms.example.org');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const statements = out.trim().split('\n').map((line) => JSON.parse(line) as { id: string; actor: { account: { homePage: string } } });
    expect(statements.map((s) => s.id).sort()).toEqual(ALL.map((s) => s.id).sort());
    for (const s of statements) expect(xapiProblems(s)).toEqual([]);
    expect(statements[0]!.actor.account.homePage).toBe('https://lms.example.org');
  });
});

describe('kiosk train report --xapi-send', () => {
  it('sends every statement with the version header and the auth; sending twice leaves each statement once', async () => {
    const dir = storeWith(CLASS);
    const first = await send(dir);
    expect(first).toEqual({ code: 0, out: `Sent ${ALL.length} xAPI statements to ${lrs.endpoint}; nothing waits in the outbox.\n`, err: '' });
    expect([...lrs.statements.keys()].sort()).toEqual(ALL.map((s) => s.id).sort());
    expect(existsSync(join(dir, OUTBOX_FILE))).toBe(false);
    expect((await send(dir)).code).toBe(0);
    expect(lrs.statements.size).toBe(ALL.length);
    expect(lrs.posts.every((p) => p.status === 200)).toBe(true);
    expect(lrs.posts.reduce((sum, p) => sum + p.count, 0)).toBe(2 * ALL.length);
  });

  it('a refusal: exit 1, a clear message, every statement kept in the outbox; the next run resumes and the LRS holds each once', async () => {
    const dir = storeWith(CLASS);
    lrs.refuseNext(1);
    const refused = await send(dir);
    expect({ code: refused.code, out: refused.out }).toEqual({ code: 1, out: '' });
    expect(refused.err).toContain(`${lrs.endpoint}: the LRS refused them (HTTP 503 Service Unavailable): {"error":"try later"}.`);
    expect(refused.err).toContain(`0 sent; ${ALL.length} wait in ${join(dir, OUTBOX_FILE)}: run the same command again to resume.`);
    expect(lrs.statements.size).toBe(0);
    expect(outboxIds(dir).sort()).toEqual(ALL.map((s) => s.id).sort());
    const resumed = await send(dir);
    expect(resumed.code).toBe(0);
    expect(lrs.statements.size).toBe(ALL.length);
    expect(existsSync(join(dir, OUTBOX_FILE))).toBe(false);
  });

  it('batches: an accepted batch leaves the outbox at once, a refused one stays (and only it)', async () => {
    const many = Array.from({ length: 40 }, (_, i) => attempt(`T${i}`, 'x', [checkpoint('a', 'R-TERM-1', true)], { at: i }));
    const statements = many.flatMap((a) => attemptStatements(a));
    expect(statements.length).toBeGreaterThan(BATCH_SIZE);
    const dir = storeWith(many);
    lrs.refuseRequest(2);
    const refused = await send(dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`${BATCH_SIZE} sent; ${statements.length - BATCH_SIZE} wait in`);
    expect(outboxIds(dir)).toEqual(statements.slice(BATCH_SIZE).map((s) => s.id));
    expect(lrs.statements.size).toBe(BATCH_SIZE);
    expect((await send(dir)).code).toBe(0);
    expect(lrs.statements.size).toBe(statements.length);
  });

  it('an unreachable LRS: exit 1, the statements wait in the outbox', async () => {
    const dir = storeWith(CLASS);
    const endpoint = lrs.endpoint;
    await lrs.close();
    const { code, err } = await train('report', '--data-dir', dir, '--xapi-send', endpoint, '--xapi-auth', AUTH);
    expect(code).toBe(1);
    expect(err).toContain(`${endpoint}: cannot reach the LRS (ECONNREFUSED).`);
    expect(outboxIds(dir)).toHaveLength(ALL.length);
    lrs = await startStandInLrs(AUTH);
  });

  it('wrong credentials: 401, told to check --xapi-auth; no secret is ever printed', async () => {
    const dir = storeWith(CLASS);
    const wrong = await train('report', '--data-dir', dir, '--xapi-send', lrs.endpoint, '--xapi-auth', 'trainer-key:wrong-secret-x');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('HTTP 401 Unauthorized: check --xapi-auth');
    expect(wrong.err).not.toContain('wrong-secret-x');
    const withUserInUrl = await train('report', '--data-dir', dir, '--xapi-send', lrs.endpoint.replace('http://', 'http://trainer-key:s3cret-Secret@'), '--xapi-auth', AUTH);
    expect(withUserInUrl.code).toBe(0);
    expect(noSecret(withUserInUrl.out + withUserInUrl.err)).toEqual([]);
  });

  it('KIOSK_XAPI_AUTH stands for --xapi-auth (kept out of the shell history)', async () => {
    vi.stubEnv('KIOSK_XAPI_AUTH', AUTH);
    expect((await train('report', '--data-dir', storeWith(CLASS), '--xapi-send', lrs.endpoint)).code).toBe(0);
    expect(lrs.statements.size).toBe(ALL.length);
  });

  it.each([
    [['--xapi-send', 'lrs.example.org'], '--xapi-send: expected a URL like https://lrs.example.org/xapi'],
    [['--xapi-send', 'ftp://lrs.example.org'], '--xapi-send: expected an http or https URL, got "ftp:"'],
    [['--xapi-send', 'http://127.0.0.1:1/xapi'], '--xapi-auth: expected the LRS key and secret as KEY:SECRET'],
    [['--xapi-send', 'http://127.0.0.1:1/xapi', '--xapi-auth', 'nocolon'], '--xapi-auth: expected the LRS key and secret as KEY:SECRET'],
    [['--xapi-auth', AUTH], '--xapi-auth goes with --xapi-send URL'],
    [['--xapi-send', 'http://127.0.0.1:1/xapi', '--xapi-auth', AUTH, '--format', 'csv'], '--xapi-send sends xAPI statements: not with --format csv'],
    [['--memory', '--xapi-send', 'http://127.0.0.1:1/xapi', '--xapi-auth', AUTH], 'not with --memory'],
  ])('%j: exit 2 naming the problem, never the secret', async (args, message) => {
    vi.stubEnv('KIOSK_XAPI_AUTH', '');
    const { code, err } = await train('report', ...(args.includes('--memory') ? [] : ['--data-dir', storeWith([])]), ...args);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(noSecret(err)).toEqual([]);
  });
});
