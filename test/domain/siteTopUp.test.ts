/** R-MOB-10 (domain): a top-up bought on the site, at most 1,500 ₽ a month per phone, paid within 1 hour. */
import { describe, expect, it } from 'vitest';
import { decideSiteTopUp, nextMonthStart, siteTopUpExpired, type SiteTopUp } from '../../src/domain/mobile/siteTopUp.js';

const msk = (local: string) => Date.parse(`${local}+03:00`);
const PHONE = '+79161234567';
const HOUR = 3_600_000;
const topUp = (amount: string, at: string, paid = true, phone = PHONE): SiteTopUp => ({ phone, amount, at: msk(at), paid });

describe('R-MOB-10: at most 1,500 ₽ a month per phone', () => {
  const earlier = [topUp('1000.00', '2026-11-02T10:00:00'), topUp('400.00', '2026-11-20T10:00:00'), topUp('1500.00', '2026-11-20T10:00:00', true, '+79051234567')];

  it.each([
    ['100.00', 'accepted'],
    ['100.01', 'overMonthlyLimit'],
  ])('R-MOB-10: 1,400 ₽ used this month, %s ₽ more → %s', (amount, kind) => {
    expect(decideSiteTopUp(PHONE, amount, msk('2026-11-22T10:00:00'), earlier).kind).toBe(kind);
  });

  it('R-MOB-10: the refusal names the limit, what is left and when it resets (1 Dec, Moscow midnight)', () => {
    expect(decideSiteTopUp(PHONE, '500.00', msk('2026-11-22T10:00:00'), earlier)).toEqual({
      kind: 'overMonthlyLimit', limit: '1500.00', used: '1400.00', left: '100.00', resetsAt: msk('2026-12-01T00:00:00'),
    });
  });

  it('R-MOB-10: a new Moscow month starts afresh, and an expired unpaid order does not count', () => {
    expect(decideSiteTopUp(PHONE, '1500.00', msk('2026-12-01T00:00:00'), earlier).kind).toBe('accepted');
    expect(nextMonthStart(msk('2026-11-30T23:59:59'))).toBe(msk('2026-12-01T00:00:00'));
    const unpaid = [topUp('1500.00', '2026-11-22T08:00:00', false)];
    expect(decideSiteTopUp(PHONE, '1500.00', msk('2026-11-22T08:59:59'), unpaid).kind).toBe('overMonthlyLimit');
    expect(decideSiteTopUp(PHONE, '1500.00', msk('2026-11-22T09:00:00'), unpaid).kind).toBe('accepted');
  });
});

describe('R-MOB-10: the top-up order must be paid within 1 hour', () => {
  it('R-MOB-10: accepted with a pay-by 1 hour later; unpaid at 59:59 it is open, at 1:00:00 expired', () => {
    const at = msk('2026-11-22T10:00:00');
    expect(decideSiteTopUp(PHONE, '500.00', at, [])).toEqual({ kind: 'accepted', payBy: at + HOUR });
    const order: SiteTopUp = { phone: PHONE, amount: '500.00', at, paid: false };
    expect(siteTopUpExpired(order, at + HOUR - 1000)).toBe(false);
    expect(siteTopUpExpired(order, at + HOUR)).toBe(true);
    expect(siteTopUpExpired({ ...order, paid: true }, at + 2 * HOUR)).toBe(false);
  });
});
