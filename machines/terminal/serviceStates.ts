/**
 * The terminal's service-mode I/O states, in its `flow` region: clearing a jammed note, reading the
 * cassette and taking it out (encashment). Each is state config typed by the terminal's setup
 * (./terminalSetup.ts), which implements the actors, guards and actions they name;
 * machines/terminal.ts places them in its machine and holds their rows in its state/event table.
 */
import { IO_TAG } from '../settled.js';
import { terminalSetup } from './terminalSetup.js';

export const clearingJam = terminalSetup.createStateConfig({
  tags: [IO_TAG],
  on: { 'quit.request': { actions: 'rememberQuit' } },
  invoke: {
    src: 'clearJam',
    // Stryker disable next-line StringLiteral: equivalent, because the kiosk asks to clear a jam only while one is held (service.clearJam while jammed)
    input: ({ context }) => ({ sessionId: context.jam?.sessionId ?? '' }),
    // the cleared note is paid and its receipt printed like any payment's
    onDone: [
      {
        guard: 'quitRequested',
        target: 'closed',
        actions: ['forgetJam', { type: 'keepSms', params: ({ event }) => ({ outcome: event.output }) }, { type: 'printReceipt', params: ({ event }) => ({ outcome: event.output, deliver: false }) }],
      },
      {
        target: 'kiosk',
        actions: ['forgetJam', { type: 'keepSms', params: ({ event }) => ({ outcome: event.output }) }, { type: 'printReceipt', params: ({ event }) => ({ outcome: event.output, deliver: true }) }],
      },
    ],
    onError: { target: 'fault', actions: { type: 'keepFault', params: ({ event }) => ({ error: event.error }) } },
  },
});

export const readingCassette = terminalSetup.createStateConfig({
  tags: [IO_TAG],
  on: { 'quit.request': { actions: 'rememberQuit' } },
  invoke: {
    src: 'readCassette',
    onDone: [
      { guard: 'quitRequested', target: 'closed' },
      { target: 'kiosk', actions: { type: 'deliverCassette', params: ({ event }) => event.output } },
    ],
    onError: { target: 'fault', actions: { type: 'keepFault', params: ({ event }) => ({ error: event.error }) } },
  },
});

export const encashing = terminalSetup.createStateConfig({
  tags: [IO_TAG],
  on: { 'quit.request': { actions: 'rememberQuit' } },
  invoke: {
    src: 'encash',
    // an encashment is durable once encash returns: quitting then loses nothing
    onDone: [
      { guard: 'quitRequested', target: 'closed' },
      { target: 'kiosk', actions: { type: 'deliverEncashment', params: ({ event }) => ({ encashment: event.output }) } },
    ],
    onError: { target: 'fault', actions: { type: 'keepFault', params: ({ event }) => ({ error: event.error }) } },
  },
});
