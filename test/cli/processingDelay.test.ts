/** `--processing-delay`: how long cash paid at a terminal is "processing" before it settles (R-CODE-6). */
import { describe, expect, it } from 'vitest';
import { parseRunArgs, UsageError } from '../../src/cli/args.js';
import { openKioskData } from '../../src/cli/kioskData.js';
import { DEMO_PHONE } from '../../src/domain/orders/demo.js';
import { DAY_MS, HOUR_MS } from '../../src/domain/rules.js';

describe('--processing-delay', () => {
  it('R-CODE-6: defaults to 2 days; 36h and 7d are taken as given', () => {
    expect(parseRunArgs(['--memory'], {}).rules.processingDelayMs).toBe(2 * DAY_MS);
    expect(parseRunArgs(['--memory', '--processing-delay', '36h'], {}).rules.processingDelayMs).toBe(36 * HOUR_MS);
    expect(parseRunArgs(['--memory', '--processing-delay', '7d'], {}).rules.processingDelayMs).toBe(7 * DAY_MS);
    expect(parseRunArgs(['--memory', '--processing-delay', '0s'], {}).rules.processingDelayMs).toBe(0);
  });

  it('R-CODE-6: more than 7 days is a usage error naming the limit', () => {
    expect(() => parseRunArgs(['--memory', '--processing-delay', '8d'], {})).toThrow(UsageError);
    expect(() => parseRunArgs(['--memory', '--processing-delay', '8d'], {})).toThrow('--processing-delay: expected a duration from 0 to 7 days (R-CODE-6) like 2d, 36h or 7d, got "8d"');
  });

  it('R-CODE-6: the kiosk\'s store settles a terminal payment after the delay given', async () => {
    const options = parseRunArgs(['--memory', '--processing-delay', '3d'], {});
    const { store } = await openKioskData(options, () => {});
    const at = Date.UTC(2026, 10, 22, 7);
    await store.openSession({ id: 's1', terminalId: 'T1', code: '1000000001', due: '4750.00', phone: DEMO_PHONE, operator: 'mts', openedAt: at });
    await store.journalNote('s1', 5000, at);
    await store.completePayment('s1', 'pay', at);
    expect((await store.findOrder('1000000001'))!.credits).toEqual([expect.objectContaining({ acceptedAt: at, settlesAt: at + 3 * DAY_MS })]);
  });
});
