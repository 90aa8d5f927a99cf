/**
 * How the world hosts the site: a parent machine spawns it with its actors provided, routes keys to
 * it, and gets each SMS as an event by providing `announceSms` with `sendParent`.
 */
import { describe, expect, it } from 'vitest';
import { assign, createActor, sendParent, setup, SimulatedClock, waitFor, type ActorRefFrom } from 'xstate';
import { provideSite } from '../../src/adapters/siteActors.js';
import type { CodeSms } from '../../src/domain/orders/catalog.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { isSettled } from '../../machines/settled.js';
import type { SiteEvent } from '../../machines/site.js';
import { START } from './siteDriver.js';
import { asyncStore } from '../../src/domain/asyncStore.js';

describe('hosting the site', () => {
  it('a parent that provides announceSms with sendParent receives site.smsSent with the code for the order\'s phone', async () => {
    const clock = new SimulatedClock();
    clock.set(START);
    const store = new MemoryStore();
    const site = provideSite({ store: asyncStore(store), clock, rules: DEFAULT_RULES, random: () => 0.5 }).provide({
      actions: { announceSms: sendParent((_, params: { sms: CodeSms }) => ({ type: 'site.smsSent' as const, sms: params.sms })) },
    });
    const world = setup({
      types: {
        context: {} as { site: ActorRefFrom<typeof site>; inbox: CodeSms[] },
        events: {} as { type: 'key'; event: SiteEvent } | { type: 'site.smsSent'; sms: CodeSms },
      },
      actors: { site },
    }).createMachine({
      context: ({ spawn }) => ({ site: spawn('site', { id: 'site', input: { clock, lang: 'en', phone: null } }), inbox: [] }),
      on: {
        key: { actions: ({ context, event }) => context.site.send(event.event) },
        'site.smsSent': { actions: assign({ inbox: ({ context, event }) => [...context.inbox, event.sms] }) },
      },
    });
    const actor = createActor(world, { clock }).start();
    const siteRef = actor.getSnapshot().context.site;
    const keys: SiteEvent[] = [
      { type: 'nav.press', id: 'earbuds' }, { type: 'nav.press', id: 'cart' }, { type: 'nav.press', id: 'buy' },
      { type: 'input.text', text: '9261234567' }, { type: 'nav.activate' }, { type: 'nav.press', id: 'other' }, { type: 'nav.press', id: 'cash' },
    ];
    for (const event of keys) actor.send({ type: 'key', event });
    await waitFor(siteRef, (s) => isSettled(s) && s.matches({ page: 'code' }));
    const { inbox } = actor.getSnapshot().context;
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ phone: '+79261234567', kind: 'code', amount: '1990.00', code: store.listOrders()[0]!.code });
  });
});
