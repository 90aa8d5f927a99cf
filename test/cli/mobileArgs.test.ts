/** `kiosk --mobile-options … --reply-timeout … --mobile-processing …` (issue 13). */
import { describe, expect, it } from 'vitest';
import { parseRunArgs, UsageError } from '../../src/cli/args.js';
import { DEFAULT_MOBILE_RULES } from '../../src/domain/mobile/mobileRules.js';
import { USAGE } from '../../src/cli/help.js';
import { MOBILE_HELP } from '../../src/cli/mobileArgs.js';

describe('kiosk mobile payment flags', () => {
  it('R-MOB-7: defaults: 15 minutes to reply, 1 hour of processing, no option on', () => {
    expect(parseRunArgs([], {}).rules.mobile).toEqual(DEFAULT_MOBILE_RULES);
  });

  it('R-MOB-3 R-MOB-7: the options, the reply time and the processing time', () => {
    const rules = parseRunArgs(['--mobile-options', 'keep-minimum,tele2-2.35', '--reply-timeout', '5m', '--mobile-processing', '24h'], {}).rules.mobile!;
    expect(rules.operators.beeline.minimumLeft).toBe('50.00');
    expect(rules.operators.tele2).toMatchObject({ minimumLeft: '10.00', commissionPercent: '2.35' });
    expect(rules).toMatchObject({ replyTimeoutMs: 300_000, processingDelayMs: 86_400_000, oneOpenRequest: false });
    expect(parseRunArgs(['--mobile-options', 'one-request'], {}).rules.mobile!.oneOpenRequest).toBe(true);
  });

  it('refuses what it does not know, and processing over 24 hours', () => {
    expect(() => parseRunArgs(['--mobile-options', 'cheap'], {})).toThrow(UsageError);
    expect(() => parseRunArgs(['--mobile-options', 'cheap'], {})).toThrow('--mobile-options: expected keep-minimum, one-request, tele2-2.35, got "cheap"');
    expect(() => parseRunArgs(['--mobile-processing', '25h'], {})).toThrow('--mobile-processing');
    expect(() => parseRunArgs(['--reply-timeout', '0s'], {})).toThrow('--reply-timeout');
  });

  it('are in --help, each of their lines within 80 columns', () => {
    for (const flag of ['--mobile-options', '--reply-timeout 15m', '--mobile-processing 1h']) expect(USAGE).toContain(flag);
    for (const line of MOBILE_HELP.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });
});
