/**
 * The till run by the desk, on the real App (in memory, SimulatedClock): the cashier's role reads
 * the till's keys, and a burst typed while the till saves waits for it instead of being lost.
 */
import { afterEach, it } from 'vitest';
import { deskViewOf } from '../../machines/desk/deskView.js';
import { renderKiosk, type Kiosk } from './harness.js';
import { opened } from '../../machines/world.js';

let kiosk: Kiosk | null = null;
afterEach(() => {
  kiosk?.unmount();
  kiosk = null;
});

const tillPath = (k: Kiosk) => deskViewOf(opened(k.world.getSnapshot().context).cashier.getSnapshot()).statePath;

async function atTheTill(): Promise<Kiosk> {
  const k = (kiosk = renderKiosk({ place: 'cashier', columns: 80, rows: 24 }));
  k.world.send({ type: 'desk.setRole', role: 'cashier' });
  await k.waitForText('Till · shift closed');
  return k;
}

it('a burst while the till opens the shift: "o" then "n" in one chunk, the customer is called once the shift is open', async () => {
  const k = await atTheTill();
  k.stdin.write('on');
  await k.waitUntil(() => tillPath(k) === 'desk.till.serving.code', () => `the till is at ${tillPath(k)}; the screen is:\n${k.lastFrame()}`);
  await k.waitForText('Till · shift 1');
});

