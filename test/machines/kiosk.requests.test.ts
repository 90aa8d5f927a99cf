/**
 * What the kiosk asks of its parent (the terminal), read on the real actions: the kiosk runs as the
 * child of a stand-in parent that only records the events it is sent. kioskSnapshots.ts replaces
 * these requests with nothing (a snapshot has no parent), so without this file a screen that forgot
 * to ask for its lookup, its cash session or its cassette would pass every snapshot test; the
 * terminal-level tests reach some of them, none the phone top-up.
 */
import { describe, expect, it } from 'vitest';
import { assign, createActor, setup, type ActorRefFrom, type AnyEventObject } from 'xstate';
import { kioskMachine, type KioskEvent } from '../../machines/terminal/kiosk.js';
import { SERVICE_SEQUENCE } from '../../src/domain/cash/service.js';
import { CODE, PHONE_MTS, RECEIPT } from './kioskSnapshots.js';

const CASSETTE = { terminalId: 'T-1', cassetteId: 'T-1-C1', since: null, notes: { 5000: 1 }, count: 1, total: '5000.00' };
const JAM = { sessionId: 's1', code: '', phone: `+7${PHONE_MTS}`, held: [5000], inserted: '0.00' };

const parent = setup({
  types: { context: {} as { kiosk: ActorRefFrom<typeof kioskMachine>; heard: AnyEventObject[] }, events: {} as AnyEventObject },
  actors: { kiosk: kioskMachine },
}).createMachine({
  context: ({ spawn }) => ({ kiosk: spawn('kiosk', { id: 'kiosk', input: { lang: 'en', orderNumberLength: 10 } }), heard: [] }),
  on: { '*': { actions: assign({ heard: ({ context, event }) => [...context.heard, event] }) } },
});

/** A kiosk under the recording parent: `send` drives the kiosk, `heard` is what the parent got. */
function rig() {
  const actor = createActor(parent).start();
  const kiosk = actor.getSnapshot().context.kiosk;
  return {
    send: (...events: KioskEvent[]) => events.forEach((e) => kiosk.send(e)),
    heard: () => actor.getSnapshot().context.heard,
    screen: () => String(kiosk.getSnapshot().value),
  };
}

const press = (id: string): KioskEvent => ({ type: 'nav.press', id });
const typed = (text: string): KioskEvent => ({ type: 'input.text', text });
const toOrderEntry: KioskEvent[] = [{ type: 'kiosk.wake' }, press('other'), press('catalogs'), press('aliexpress')];
const sequence: KioskEvent[] = [...SERVICE_SEQUENCE].map((key) => ({ type: 'service.key', key }));
const payable: KioskEvent = { type: 'io.orderLookedUp', result: { kind: 'payable', code: CODE, due: '4750.00', order: {} as never } };

describe('R-TERM-1: the kiosk asks the terminal for each step of a payment', () => {
  it('Next on a whole order number asks for its lookup, with the number typed', () => {
    const k = rig();
    k.send(...toOrderEntry, typed(CODE));
    expect(k.heard()).toEqual([]);
    k.send(press('next'));
    expect([k.screen(), k.heard()]).toEqual(['lookingUp', [{ type: 'io.lookupOrder', code: CODE }]]);
  });

  it('Next on the phone for the change opens the cash session for the order, its amount due, the phone and operator', () => {
    const k = rig();
    k.send(...toOrderEntry, typed(CODE), press('next'), payable, press('next'), typed(PHONE_MTS), press('operator'), press('next'));
    expect(k.screen()).toBe('cash');
    expect(k.heard().at(-1)).toEqual({ type: 'io.openCash', code: CODE, due: '4750.00', phone: `+7${PHONE_MTS}`, operator: 'megafon' });
  });

  it('R-TERM-2: a phone top-up opens a cash session with nothing due, for the phone typed and its operator', () => {
    const k = rig();
    k.send({ type: 'kiosk.wake' }, press('mobile'), typed(PHONE_MTS));
    expect(k.heard()).toEqual([]);
    k.send(press('next'));
    expect([k.screen(), k.heard()]).toEqual(['topupCash', [{ type: 'io.openCash', code: '', due: '0.00', phone: `+7${PHONE_MTS}`, operator: 'mts' }]]);
  });

  it('R-TERM-2: a phone top-up whose operator was changed opens the session for the operator chosen, not the guess', () => {
    const k = rig();
    k.send({ type: 'kiosk.wake' }, press('mobile'), typed(PHONE_MTS), press('operator'), press('next'));
    expect(k.heard()).toEqual([{ type: 'io.openCash', code: '', due: '0.00', phone: `+7${PHONE_MTS}`, operator: 'megafon' }]);
  });
});

describe('service mode asks the terminal for the cassette, the paper, the lock and a jammed note', () => {
  it('the right PIN reads the cassette; Remove cassette encashes; the receipt reads it again; Load paper asks for paper', () => {
    const k = rig();
    k.send(...sequence, typed('0000'), press('next'));
    expect([k.screen(), k.heard()]).toEqual(['serviceLoading', [{ type: 'io.readCassette' }]]);
    k.send({ type: 'io.cassetteRead', cassette: CASSETTE, capacity: 1500 }, press('paper'));
    expect(k.heard().at(-1)).toEqual({ type: 'io.loadPaper' });
    k.send(press('encash'));
    expect([k.screen(), k.heard().at(-1)]).toEqual(['encashing', { type: 'io.encash' }]);
    k.send({ type: 'io.encashed', encashment: { ...CASSETTE, number: 1, at: 0 } }, press('done'));
    expect([k.screen(), k.heard()]).toEqual(['serviceLoading', [{ type: 'io.readCassette' }, { type: 'io.loadPaper' }, { type: 'io.encash' }, { type: 'io.readCassette' }]]);
  });

  it('the third wrong PIN asks the terminal to time the lock, once', () => {
    const k = rig();
    k.send(...sequence, typed('1111'), press('next'), typed('1111'), press('next'));
    expect(k.heard()).toEqual([]);
    k.send(typed('1111'), press('next'));
    expect([k.screen(), k.heard()]).toEqual(['idle', [{ type: 'io.serviceLock' }]]);
  });

  it('Clear jam asks the terminal to pay the held note; its receipt ends the jam', () => {
    const k = rig();
    k.send({ type: 'io.jammed', jam: JAM }, ...sequence, typed('0000'), press('next'), { type: 'io.cassetteRead', cassette: CASSETTE, capacity: 1500 }, press('clearJam'));
    expect([k.screen(), k.heard().at(-1)]).toEqual(['clearingJam', { type: 'io.clearJam' }]);
    k.send({ type: 'io.paymentCompleted', receipt: RECEIPT });
    expect([k.screen(), k.heard().filter((e) => e.type === 'io.clearJam')]).toEqual(['receipt', [{ type: 'io.clearJam' }]]);
  });
});
