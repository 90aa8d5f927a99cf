/**
 * The customer's phone (machines/phone.ts) on its own actor, its store actors stubbed: the inbox it
 * loads, the selection, reading an SMS, the dialer of balance codes (R-MOB-9) and the reply to a
 * mobile payment's request (R-MOB-2). What the phone shows on screen: test/ui/everyScreen.phone.test.tsx.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor, type Actor } from 'xstate';
import { phoneMachine, type PhoneState, type ReplyInput } from '../../machines/phone.js';
import { isSettled } from '../../machines/settled.js';
import type { MobileSms, PhoneMessage } from '../../src/domain/store.js';

const PHONE = '+79161234567';
const refund = (at: number): PhoneMessage => ({ phone: PHONE, at, sender: 'AliExpress', kind: 'refund', amount: '10.00', code: '' });
const request = (at: number, kind: MobileSms['kind'] = 'mobileRequest'): MobileSms => ({
  phone: PHONE, at, sender: 'MTS', kind, amount: '105.00', code: '1234', transaction: 'T-1', detail: null,
});

type Phone = Actor<typeof phoneMachine>;
const running: Phone[] = [];
afterEach(() => {
  for (const actor of running.splice(0)) actor.stop();
});

interface Stubs {
  account?: Partial<PhoneState>;
  /** what each load throws, from the first load on (null: that load answers) */
  loadFails?: unknown[];
  replyFails?: unknown;
}

async function startPhone(stubs: Stubs = {}) {
  const loads: string[] = [];
  const replies: ReplyInput[] = [];
  const failures = [...(stubs.loadFails ?? [])];
  const machine = phoneMachine.provide({
    actors: {
      loadPhone: fromPromise<PhoneState, { phone: string }>(async ({ input }) => {
        loads.push(input.phone);
        const failure = failures.shift() ?? null;
        if (failure !== null) throw failure;
        return { phone: input.phone, operator: 'mts', balance: '250.00', inbox: [], ...stubs.account };
      }),
      replySms: fromPromise<void, ReplyInput>(async ({ input }) => {
        replies.push(input);
        if (stubs.replyFails !== undefined) throw stubs.replyFails;
      }),
    },
  });
  const actor = createActor(machine, { input: { phone: PHONE } }).start();
  running.push(actor);
  const settle = () => waitFor(actor, isSettled);
  await settle();
  const send = (...events: Parameters<Phone['send']>[0][]) => events.forEach((e) => actor.send(e));
  return { actor, loads, replies, settle, send, context: () => actor.getSnapshot().context, at: () => actor.getSnapshot().value };
}

const dial = (keys: string) => [...keys].map((key) => ({ type: 'phone.dial' as const, key }));

describe('the inbox', () => {
  it('loads the account of its phone, waiting as I/O, then shows it from the first SMS', async () => {
    const phone = createActor(phoneMachine.provide({ actors: { loadPhone: fromPromise<PhoneState, { phone: string }>(async () => ({ phone: PHONE, operator: null, balance: '1.00', inbox: [] })) } }), { input: { phone: PHONE } }).start();
    running.push(phone);
    expect(phone.getSnapshot().hasTag('io')).toBe(true);
    expect(phone.getSnapshot().context).toMatchObject({ phone: PHONE, operator: null, balance: '0.00', inbox: [], selected: 0, dialed: '', answer: null, reply: '', replyError: null });
    await waitFor(phone, (s) => s.matches('home'));
    expect(phone.getSnapshot().hasTag('io')).toBe(false);
    expect(phone.getSnapshot().context.balance).toBe('1.00');
  });

  it('a store that cannot answer leaves the phone on its home screen with an empty inbox', async () => {
    const { actor, at, context, send, settle } = await startPhone({ account: { inbox: [refund(1)] }, loadFails: [null, new Error('down')] });
    expect(at()).toBe('home');
    expect(context().inbox).toEqual([refund(1)]);
    send({ type: 'phone.refresh', phone: PHONE });
    await settle();
    expect(actor.getSnapshot().value).toBe('home');
    expect(context().inbox).toEqual([]);
  });

  it('moves the selection within the inbox, and a refresh starts again from the first SMS', async () => {
    const { context, send, settle } = await startPhone({ account: { inbox: [refund(3), refund(2), refund(1)] } });
    send({ type: 'phone.move', dir: 'up' });
    expect(context().selected).toBe(0);
    send({ type: 'phone.move', dir: 'down' }, { type: 'phone.move', dir: 'down' }, { type: 'phone.move', dir: 'down' });
    expect(context().selected).toBe(2);
    send({ type: 'phone.move', dir: 'up' });
    expect(context().selected).toBe(1);
    send({ type: 'phone.refresh', phone: PHONE });
    await settle();
    expect(context().selected).toBe(0);
  });

  it('an empty inbox has nothing to select or open', async () => {
    const { at, context, send } = await startPhone();
    send({ type: 'phone.move', dir: 'down' });
    expect(context().selected).toBe(0);
    send({ type: 'phone.open' });
    expect(at()).toBe('home');
  });

  it('opens the selected SMS, and Back or Enter closes it', async () => {
    const { at, send } = await startPhone({ account: { inbox: [refund(1)] } });
    send({ type: 'phone.open' });
    expect(at()).toBe('reading');
    send({ type: 'phone.back' });
    expect(at()).toBe('home');
    send({ type: 'phone.open' }, { type: 'phone.open' });
    expect(at()).toBe('home');
  });

  it('phone.refresh reads the store again for the phone the world names, closing the dialer', async () => {
    const { context, loads, send, settle } = await startPhone();
    send(...dial('*1'));
    send({ type: 'phone.refresh', phone: '+79031112233' });
    await settle();
    expect(loads).toEqual([PHONE, '+79031112233']);
    expect(context()).toMatchObject({ phone: '+79031112233', dialed: '', answer: null });
  });
});

describe('the dialer (R-MOB-9)', () => {
  it('R-MOB-9: *100# on an MTS phone answers with the balance; the code is kept beside the answer', async () => {
    const { at, context, send } = await startPhone();
    send(...dial('*100#'), { type: 'phone.call' });
    expect(at()).toBe('answered');
    expect(context().answer).toEqual({ kind: 'balance', code: '*100#' });
  });

  it("R-MOB-9: another operator's code is answered as such", async () => {
    const { context, send } = await startPhone();
    send(...dial('*102#'), { type: 'phone.call' });
    expect(context().answer).toEqual({ kind: 'otherOperator', code: '*102#' });
  });

  it('takes digits, * and # only, and at most 16 of them', async () => {
    const { at, context, send } = await startPhone();
    send({ type: 'phone.dial', key: 'a' });
    expect(at()).toBe('home');
    send({ type: 'phone.dial', key: '#' }, { type: 'phone.dial', key: 'x' }, { type: 'phone.dial', key: '12' }, ...dial('0123456789*#0123456'));
    expect(at()).toBe('dialing');
    expect(context().dialed).toBe('#0123456789*#012');
    expect(context().dialed).toHaveLength(16);
  });

  it('erases the last key; erasing an empty code closes the dialer; calling nothing does nothing', async () => {
    const { at, context, send } = await startPhone();
    send(...dial('*10'), { type: 'phone.erase' });
    expect(context().dialed).toBe('*1');
    send({ type: 'phone.erase' }, { type: 'phone.erase' });
    expect([at(), context().dialed]).toEqual(['dialing', '']);
    send({ type: 'phone.call' });
    expect(at()).toBe('dialing');
    send({ type: 'phone.erase' });
    expect(at()).toBe('home');
  });

  it('Back from the dialer or from an answer clears the code and the answer', async () => {
    const { at, context, send } = await startPhone();
    send(...dial('*1'), { type: 'phone.back' });
    expect([at(), context().dialed]).toEqual(['home', '']);
    for (const close of ['phone.back', 'phone.open'] as const) {
      send(...dial('*100#'), { type: 'phone.call' }, { type: close });
      expect([at(), context().dialed, context().answer]).toEqual(['home', '', null]);
    }
  });

  it('a key on the answer starts a new code, and the old answer goes', async () => {
    const { at, context, send } = await startPhone();
    send(...dial('*100#'), { type: 'phone.call' }, { type: 'phone.dial', key: 'q' });
    expect(at()).toBe('answered');
    send({ type: 'phone.dial', key: '5' });
    expect([at(), context().dialed, context().answer]).toEqual(['dialing', '5', null]);
  });
});

describe('the reply to a mobile payment (R-MOB-2)', () => {
  it('R-MOB-2: no reply without a request waiting, nor to one already answered', async () => {
    const { at, send } = await startPhone({ account: { inbox: [request(2, 'mobilePaid'), request(1)] } });
    send({ type: 'phone.reply' });
    expect(at()).toBe('home');
    send({ type: 'phone.open' }, { type: 'phone.reply' });
    expect(at()).toBe('reading');
  });

  it('R-MOB-2: replies from the home screen or the SMS read, starting from an empty text', async () => {
    const { at, context, send } = await startPhone({ account: { inbox: [request(1)] } });
    send({ type: 'phone.reply' }, { type: 'phone.type', text: 'ok' }, { type: 'phone.back' });
    expect(at()).toBe('home');
    send({ type: 'phone.open' }, { type: 'phone.reply' });
    expect([at(), context().reply]).toEqual(['replying', '']);
  });

  it('types at most one SMS (160 characters) and erases the last one', async () => {
    const { context, send } = await startPhone({ account: { inbox: [request(1)] } });
    send({ type: 'phone.reply' }, { type: 'phone.type', text: 'ab' }, { type: 'phone.type', text: 'c' }, { type: 'phone.erase' });
    expect(context().reply).toBe('ab');
    send({ type: 'phone.type', text: 'x'.repeat(200) });
    expect(context().reply).toBe(`ab${'x'.repeat(158)}`);
  });

  it('sends nothing blank; sends the text from this phone, then reads the answer SMS', async () => {
    const { actor, at, loads, replies, send, settle } = await startPhone({ account: { inbox: [request(1)] } });
    send({ type: 'phone.reply' }, { type: 'phone.type', text: '  ' }, { type: 'phone.send' });
    expect(at()).toBe('replying');
    send({ type: 'phone.type', text: '0' }, { type: 'phone.send' });
    expect(actor.getSnapshot().hasTag('io')).toBe(true);
    await settle();
    expect(replies).toEqual([{ phone: PHONE, text: '  0' }]);
    expect(loads).toHaveLength(2);
    expect(at()).toBe('home');
  });

  it('a phone whose replySms actor was not provided says so when a reply is sent', async () => {
    const machine = phoneMachine.provide({ actors: { loadPhone: fromPromise<PhoneState, { phone: string }>(async () => ({ phone: PHONE, operator: 'mts', balance: '0.00', inbox: [request(1)] })) } });
    const actor = createActor(machine, { input: { phone: PHONE } }).start();
    running.push(actor);
    await waitFor(actor, (s) => s.matches('home'));
    actor.send({ type: 'phone.reply' });
    actor.send({ type: 'phone.type', text: 'yes' });
    actor.send({ type: 'phone.send' });
    await waitFor(actor, isSettled);
    expect(actor.getSnapshot().context.replyError).toBe('the phone\'s "replySms" actor was not provided');
  });

  it('a reply the store refuses says why on the home screen, and the next reply starts clean', async () => {
    for (const [error, said] of [[new Error('no network'), 'no network'], ['busy', 'busy']] as const) {
      const { at, context, send, settle } = await startPhone({ account: { inbox: [request(1)] }, replyFails: error });
      send({ type: 'phone.reply' }, { type: 'phone.type', text: 'yes' }, { type: 'phone.send' });
      await settle();
      expect([at(), context().replyError]).toEqual(['home', said]);
      send({ type: 'phone.reply' });
      expect(context()).toMatchObject({ reply: '', replyError: null });
    }
  });
});
