/** `kiosk train list|check` (issue 15), run as the built program. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const KIOSK = join(import.meta.dirname, '..', '..', 'dist', 'kiosk.js');
const dir = mkdtempSync(join(tmpdir(), 'kiosk-train-'));
const kiosk = (...args: string[]) => spawnSync(process.execPath, [KIOSK, ...args], { encoding: 'utf8', env: { ...process.env, KIOSK_LANG: 'en' } });
const BUILT_IN = join(import.meta.dirname, '..', '..', 'src', 'training', 'exercises', 'terminal', 'change-goes-to-phone.yaml');

describe('kiosk train', () => {
  it('list --json gives each exercise\'s id, title, place, role and rule IDs', () => {
    const run = kiosk('train', 'list', '--json');
    expect(run.status).toBe(0);
    const rows = JSON.parse(run.stdout) as Array<{ id: string; place: string; role: string; rules: string[]; title: { en: string } }>;
    expect(rows.find((r) => r.id === 'TERM-CHANGE-TO-PHONE')).toMatchObject({ place: 'terminal', role: 'salon-employee', rules: ['R-TERM-1', 'R-TERM-2'], title: { en: 'The change goes to the phone' } });
    expect(new Set(rows.map((r) => r.place))).toEqual(new Set(['terminal', 'cashier', 'post', 'site', 'phone']));
  });

  it('list prints one line an exercise, within 80 columns for the built-in ones', () => {
    const run = kiosk('train', 'list', '--lang', 'en');
    expect(run.stdout).toMatch(/^TERM-CHANGE-TO-PHONE +terminal +salon-employee +R-TERM-1,R-TERM-2 +The change goes to the phone$/m);
  });

  it('a trainer\'s file with a typo exits 2 naming file:line, the field and what was expected; fixed, it is listed', () => {
    const mine = join(dir, 'mine.yaml');
    const text = readFileSync(BUILT_IN, 'utf8').replace('id: TERM-CHANGE-TO-PHONE', 'id: MY-CHANGE');
    writeFileSync(mine, text.replace('rule: R-TERM-2', 'rule: R-TREM-2'));
    const bad = kiosk('train', 'check', mine);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(new RegExp(`${mine.replace(/[/.]/g, '\\$&')}:\\d+: checkpoints\\[1\\]\\.rule: expected a rule ID of DOMAIN\\.md .*not "R-TREM-2"`));
    writeFileSync(mine, text);
    expect(kiosk('train', 'check', mine).status).toBe(0);
    expect(kiosk('train', 'list', '--file', mine).stdout).toMatch(/^MY-CHANGE /m);
  });

  it('an unknown command is a usage error (exit 2)', () => {
    const run = kiosk('train', 'lsit');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown command "lsit"/);
  });
});
