/**
 * What the in-process kiosk (kioskHarness.ts) reads of its running world: which place has the keys,
 * the view of the desk or the site that has them, and when every actor in it has settled.
 */
import { waitFor } from 'xstate';
import { siteViewOf, type SiteView } from '../../../machines/site/siteView.js';
import { deskViewOf, type DeskView } from '../../../machines/desk/deskView.js';
import { isSettled } from '../../../machines/settled.js';
import type { TerminalActor } from '../../../machines/terminal.js';
import { opened, type Place, type WorldActor } from '../../../machines/world.js';

/** the place that has the keys, or null before Launch (and while the world starts) */
export function placeIn(worldActor: WorldActor | null): Place | null {
  const place = worldActor?.getSnapshot().value;
  return place === undefined || place === 'starting' ? null : place;
}

/** the view of the desk that has the keys; null when no desk has them */
export function deskViewIn(worldActor: WorldActor | null): DeskView | null {
  const world = worldActor?.getSnapshot();
  const place = world?.value;
  if (!world || (place !== 'cashier' && place !== 'post')) return null;
  return deskViewOf(opened(world.context)[place].getSnapshot());
}

/** the site's view while the site has the keys, else null */
export function siteViewIn(worldActor: WorldActor | null): SiteView | null {
  const world = worldActor?.getSnapshot();
  return world?.value === 'site' ? siteViewOf(opened(world.context).site.getSnapshot()) : null;
}

/** Waits until the terminal and every other actor of the world (the phone, the site, the desks) is out of its I/O states. */
export async function worldSettled(actor: TerminalActor | null, world: WorldActor | null): Promise<void> {
  if (actor) await waitFor(actor, isSettled).catch(() => undefined);
  const phone = world?.getSnapshot().context.phone;
  if (phone) await waitFor(phone, isSettled).catch(() => undefined);
  const site = world?.getSnapshot().context.site;
  if (site) await waitFor(site, isSettled).catch(() => undefined);
  for (const desk of [world?.getSnapshot().context.cashier, world?.getSnapshot().context.post]) {
    if (desk) await waitFor(desk, isSettled).catch(() => undefined);
  }
}
