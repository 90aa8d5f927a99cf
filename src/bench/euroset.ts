/**
 * The whole Euroset path (R-TERM-1) as a customer walks it: wake the idle screen, Other services →
 * Products by catalogs → Aliexpress, type the order number, check, type the phone for the change,
 * insert a 5,000 ₽ note, Pay, and Done on the receipt. Each path pays a fresh order, so it can run
 * any number of times in one process.
 */
import React from 'react';
import { SimulatedClock, waitFor } from 'xstate';
import { App } from '../app/App.js';
import { WorldProvider } from '../app/context.js';
import { startWorld, terminalOf } from '../app/session.js';
import { viewOf, type ScreenName } from '../app/view.js';
import { DEMO_PHONE } from '../domain/orders/demo.js';
import { newOrder } from '../domain/orders/orders.js';
import { HOUR_MS } from '../domain/rules.js';
import type { KioskStore, SyncKioskStore } from '../domain/store.js';
import { isSettled } from '../../machines/settled.js';
import type { TerminalActor } from '../../machines/terminal.js';
import { InkProbe, type ProbeOptions } from './inkProbe.js';

/** 4,750 ₽, paid with one 5,000 ₽ note: 250 ₽ goes to the phone, as in demo order 1000000001. */
export const ORDER_AMOUNT = '4750.00';
const FIRST_CODE = 3_000_000_000;
const PHONE_DIGITS = DEMO_PHONE.slice(2);

export const orderCode = (path: number): string => String(FIRST_CODE + path);

/** Adds the unpaid orders paths `from`…`to - 1` will pay. */
export function addPathOrders(store: SyncKioskStore, now: number, from: number, to: number): void {
  for (let path = from; path < to; path++) {
    store.addOrder(newOrder({ code: orderCode(path), codeAmount: ORDER_AMOUNT, phone: DEMO_PHONE, issuedAt: now - 2 * HOUR_MS }));
  }
}

export const newClock = (): SimulatedClock => {
  const clock = new SimulatedClock();
  clock.set(Date.UTC(2026, 10, 22, 7));
  return clock;
};

export interface Step {
  keys: string[];
  /** the screen the keys lead to: checked after each step, so a path that went astray fails loudly */
  screen: ScreenName;
}

/** The keys of one path, hotkeys as printed on the buttons, digits one key each as typed. */
export function pathSteps(path: number): Step[] {
  return [
    { keys: [' '], screen: 'menu' },
    { keys: ['8'], screen: 'services' },
    { keys: ['1'], screen: 'catalogs' },
    { keys: ['1'], screen: 'orderEntry' },
    { keys: [...orderCode(path), '\r'], screen: 'checkData' },
    { keys: ['\r'], screen: 'phoneEntry' },
    { keys: [...PHONE_DIGITS, '\r'], screen: 'cash' },
    { keys: ['8'], screen: 'cash' },
    { keys: ['p'], screen: 'receipt' },
    { keys: ['\r'], screen: 'idle' },
  ];
}

export const keysPerPath = (): number => pathSteps(0).reduce((n, step) => n + step.keys.length, 0);

/** Resolves once the terminal waits only on the customer (its own I/O done). */
export const settled = (actor: TerminalActor) => waitFor(actor, isSettled);

/** The real kiosk (App, screens, machines) on a store, rendered in-process at 100×30. */
export function kioskProbe(store: KioskStore, clock: SimulatedClock, options: ProbeOptions) {
  const world = startWorld({ store, clock, lang: 'en', terminalId: 'T-1' });
  const actor = terminalOf(world);
  const probe = new InkProbe('kiosk', React.createElement(WorldProvider, { actor: world }, React.createElement(App, { terminalId: 'T-1' })), options);
  const screen = () => viewOf(actor.getSnapshot()).screen;
  const stop = () => {
    probe.unmount();
    world.stop();
  };
  return { actor, probe, screen, stop };
}
