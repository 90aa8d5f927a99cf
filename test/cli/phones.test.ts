/** `kiosk phones set|show`: a phone's account and operator settings, and its mobile payments (issue 13). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MOBILE_RULES } from '../../src/domain/mobile/mobileRules.js';
import { newOrder } from '../../src/domain/orders/orders.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { useTempDirs } from '../store/helpers.js';
import { inDir } from '../process/helpers.js';

const tempDir = useTempDirs();
const BEELINE = '+79051234567';
/** amounts print with no-break spaces before ₽ */
const plain = <T extends { stdout: string }>(r: T): T => ({ ...r, stdout: r.stdout.replace(/\u00a0/g, ' ') });

describe('kiosk phones set|show', () => {
  it('R-MOB-6: set keeps the operator, balance and settings; show prints them, --json too', () => {
    const run = inDir(tempDir());
    expect(plain(run('phones', 'set', BEELINE, '--operator', 'beeline', '--balance', '500', '--tariff', 'corporate', '--new', '--outage', 'on'))).toMatchObject({
      status: 0, stderr: '', stdout: 'Phone +7 (905) 123-45-67 (Beeline): balance 500.00 ₽, tariff corporate, new subscriber, operator outage\n',
    });
    expect(JSON.parse(run('phones', 'show', BEELINE, '--json').stdout)).toMatchObject({
      operator: 'beeline', balance: '500.00', settings: { tariff: 'corporate', newSubscriber: true, outage: true }, mobilePayments: [],
    });
    // a later set keeps the settings it does not name
    run('phones', 'set', BEELINE, '--operator', 'beeline', '--balance', '0', '--outage', 'off');
    expect(JSON.parse(run('phones', 'show', BEELINE, '--json').stdout)).toMatchObject({ balance: '0.00', settings: { tariff: 'corporate', newSubscriber: true, outage: false } });
  });

  it('bad values are usage errors (exit 2) and change nothing', () => {
    const run = inDir(tempDir());
    expect(run('phones', 'set', BEELINE, '--operator', 'yota', '--balance', '1').stderr).toContain('--operator: expected mts, megafon, beeline or tele2, got "yota"');
    expect(run('phones', 'set', BEELINE, '--operator', 'mts', '--balance', '-1')).toMatchObject({ status: 2 });
    expect(run('phones', 'set', BEELINE, '--operator', 'mts', '--balance', '1', '--tariff', 'gold').stderr).toContain('--tariff: expected standard, corporate or forbidden');
    expect(run('phones', 'set', BEELINE, '--balance', '1')).toMatchObject({ status: 2, stderr: expect.stringContaining('--operator is required') });
    expect(run('phones', 'show', BEELINE)).toMatchObject({ status: 1 });
  });

  it('show lists every mobile transaction: requested, SMS sent, confirmed, debited, commission', () => {
    const dir = tempDir();
    const run = inDir(dir);
    run('phones', 'set', BEELINE, '--operator', 'beeline', '--balance', '2200');
    const store = SqliteStore.open(join(dir, 'kiosk.db'));
    store.addOrder(newOrder({ code: '1000000123', codeAmount: '2000.00', phone: BEELINE, issuedAt: Date.UTC(2026, 10, 22, 7) }));
    store.requestMobilePayment({ phone: BEELINE, operator: 'beeline', code: '1000000123', at: Date.UTC(2026, 10, 22, 7, 1) }, DEFAULT_MOBILE_RULES);
    store.answerMobilePayment('M-000001', '1', Date.UTC(2026, 10, 22, 7, 2), DEFAULT_MOBILE_RULES);
    store.close();
    const shown = plain(run('phones', 'show', BEELINE)).stdout;
    expect(shown).toContain('Balance 122.00 ₽');
    for (const kind of ['requested', 'smsSent', 'confirmed', 'debited', 'commission']) expect(shown).toMatch(new RegExp(`M-000001 +1000000123 .* ${kind} `));
    expect(shown).toMatch(/-78\.00 ₽ +commission Beeline 3\.9 % on mobile payment M-000001/);
    expect(shown).toMatch(/Beeline +mobilePaid +2,078\.00 ₽/);
  });
});
