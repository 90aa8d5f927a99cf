/**
 * The kiosk driven as pure snapshots (`transition`, no actors, no parent), for the tests that read
 * its screens one transition at a time (kiosk.screens.test.ts, kiosk.menus.test.ts). The customer's
 * path is walked inside each test, never when a file loads: a mutation run switches its change on
 * only once the file's tests begin, so snapshots made at load would not see it.
 */
import { initialTransition, transition, type EventFrom, type SnapshotFrom } from 'xstate';
import { kioskMachine, type KioskInput } from '../../machines/terminal/kiosk.js';
import { kioskButtons, type KioskScreen } from '../../machines/terminal/kioskButtons.js';
import type { Timeouts } from '../../src/domain/rules.js';
import type { Receipt } from '../../src/domain/store.js';

export type Kiosk = SnapshotFrom<typeof kioskMachine>;
export type KioskEvent = EventFrom<typeof kioskMachine>;

export const CODE = '1000000001';
export const PHONE_MTS = '9161234567';
/** Every timeout different, so the one a screen has is known by its value. */
export const TIMEOUTS: Timeouts = { menuMs: 1_000, entryMs: 2_000, cashNoNoteMs: 3_000, cashWithNoteMs: 4_000, moreTimeMs: 5_000 };

// standalone, the requests to the parent (the terminal) go nowhere: the snapshots are what is read
const nothing = () => {};
const kiosk = kioskMachine.provide({
  actions: {
    requestLookup: nothing, requestCash: nothing, requestTopUpCash: nothing, requestCassette: nothing, requestEncash: nothing,
    requestServiceLock: nothing, requestLoadPaper: nothing, requestClearJam: nothing,
  },
});

export const after = (from: Kiosk, ...events: KioskEvent[]): Kiosk => events.reduce<Kiosk>((s, e) => transition(kiosk, s, e)[0], from);
export const press = (id: string): KioskEvent => ({ type: 'nav.press', id });
export const type = (text: string): KioskEvent => ({ type: 'input.text', text });
export const move = (dir: 'up' | 'down' | 'left' | 'right', times = 1): KioskEvent[] => Array.from({ length: times }, () => ({ type: 'nav.move', dir }));
export const payable: KioskEvent = { type: 'io.orderLookedUp', result: { kind: 'payable', code: CODE, due: '4750.00', order: {} as never } };
export const refused: KioskEvent = { type: 'io.orderLookedUp', result: { kind: 'refused', code: CODE, reason: 'unknown' } };
export const RECEIPT: Receipt = {
  number: 'T-1-000001', terminalId: 'T-1', at: 0, code: CODE, due: '4750.00', accepted: '5000.00', toOrder: '4750.00', toPhone: '250.00',
  phone: `+7${PHONE_MTS}`, operator: 'mts', orderStatus: 'paid', owed: '0.00', recovered: false,
};

/** The index of a button on the screen the snapshot shows, as the focus counts it. */
export const indexOf = (s: Kiosk, id: string): number => kioskButtons(String(s.value) as KioskScreen, s.context).findIndex((b) => b.id === id);
/** The id of the focused button on the screen the snapshot shows. */
export const focused = (s: Kiosk): string | undefined => kioskButtons(String(s.value) as KioskScreen, s.context)[s.context.focus]?.id;

/** A fresh kiosk on the idle screen, with a terminal's own settings. */
export const startWith = (input: KioskInput): Kiosk => initialTransition(kiosk, input)[0];
export const start = (): Kiosk => startWith({ lang: 'en', orderNumberLength: 10 });
export const menu = () => after(start(), { type: 'kiosk.wake' });
export const services = () => after(menu(), press('other'));
export const catalogs = () => after(services(), press('catalogs'));
export const orderEntry = () => after(catalogs(), press('aliexpress'));
export const typedCode = () => after(orderEntry(), type(CODE));
export const checkData = () => after(typedCode(), press('next'), payable);
export const phoneEntry = () => after(checkData(), press('next'));
export const typedPhone = () => after(phoneEntry(), type(PHONE_MTS));
export const cash = () => after(typedPhone(), press('next'));
export const topupPhone = () => after(menu(), press('mobile'));
export const typedTopUp = () => after(topupPhone(), type(PHONE_MTS));
export const topupCash = () => after(typedTopUp(), press('next'));
