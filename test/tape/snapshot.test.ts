/** Golden frames are compared by a pure function; reading and writing the files is the caller's. */
import { describe, expect, it } from 'vitest';
import { compareSnapshot, snapshotFile } from '../../src/tape/run/snapshot.js';

const frame = 'Menu\n[1] Pay an order\n';

describe('compareSnapshot (pure: frame, golden or null, update flag → what the caller does)', () => {
  it('the same text passes', () => {
    expect(compareSnapshot(frame, frame, false)).toEqual({ action: 'pass' });
  });

  it('no golden frame fails as missing', () => {
    expect(compareSnapshot(frame, null, false)).toEqual({ action: 'fail', reason: 'missing' });
  });

  it('a different frame fails with a row-by-row diff: - the golden row, + the screen row', () => {
    expect(compareSnapshot(frame, 'Menu\n[1] Pay\n', false)).toEqual({
      action: 'fail',
      reason: 'differs',
      diff: ['row 2:', '- [1] Pay', '+ [1] Pay an order'],
    });
  });

  it('a frame with more rows than the golden one shows the missing rows as (none)', () => {
    expect(compareSnapshot('a\nb\n', 'a\n', false)).toEqual({ action: 'fail', reason: 'differs', diff: ['row 2:', '- ', '+ b', 'row 3:', '- (none)', '+ '] });
  });

  it('with update (--update) it writes a missing or different golden frame and leaves an equal one alone', () => {
    expect(compareSnapshot(frame, null, true)).toEqual({ action: 'write', reason: 'missing' });
    expect(compareSnapshot(frame, frame, true)).toEqual({ action: 'pass' });
    expect(compareSnapshot(frame, 'old\n', true)).toEqual({ action: 'write', reason: 'differs' });
  });

  it("with update 'missing' (--update=missing) it writes only a missing golden frame; a different one still fails", () => {
    expect(compareSnapshot(frame, null, 'missing')).toEqual({ action: 'write', reason: 'missing' });
    expect(compareSnapshot(frame, frame, 'missing')).toEqual({ action: 'pass' });
    expect(compareSnapshot(frame, 'old\n', 'missing')).toMatchObject({ action: 'fail', reason: 'differs' });
  });
});

describe('snapshotFile', () => {
  it('is <tape name>.snapshots/<name>.txt beside the tape; a tape without a file is "tape"', () => {
    expect(snapshotFile('/t/pay.tape', '/t', 'menu')).toBe('/t/pay.snapshots/menu.txt');
    expect(snapshotFile('<tape>', '/base', 'menu')).toBe('/base/tape.snapshots/menu.txt');
  });
});
