/**
 * The `--pty` test hook answers a request once the kiosk has settled, with the settled frame
 * already written, and waits on conditions only: setTimeout is faked here and never fires, so a
 * hook that slept for real between settle rounds would never answer. Ink is rendered as the program
 * renders it under the hook (src/cli/run.tsx): its frames drawn once per turn of the event loop.
 */
import React from 'react';
import { EventEmitter } from 'node:events';
import { render, type Instance } from 'ink';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App.js';
import { WorldProvider } from '../../src/app/context.js';
import { startWorld, terminalOf } from '../../src/app/session.js';
import { startTestHook, type TestHook } from '../../src/cli/tapeTestHook.js';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { ChannelSplitter, decodeAnswer, encodeRequest, type ChannelAnswer, type ChannelRequest } from '../../src/tape/drivers/testChannel.js';
import { PATH_KEYS, TestStdout, TEXT } from '../ui/harness.js';
import { renderSeeingRoot } from '../../src/app/inkRoot.js';
import { asyncStore } from '../../src/domain/asyncStore.js';

/** The process's stdin as the hook uses it: data events, and the calls it makes on it. */
class FakeInput extends EventEmitter {
  pause = () => this;
  ref = () => this;
  unref = () => this;
}

let running: { hook: TestHook; ink: Instance } | null = null;
beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval'] }));
afterEach(() => {
  running?.ink.unmount();
  running?.hook.dispose();
  running = null;
  vi.useRealTimers();
});

function startKiosk() {
  const input = new FakeInput();
  const screen = new TestStdout(100, 30);
  const splitter = new ChannelSplitter();
  /** each answer with the frame that was on the screen when it was sent */
  const answers: Array<{ answer: ChannelAnswer; frame: string }> = [];
  let onAnswer: () => void = () => undefined;
  const hook = startTestHook('2026-11-22T10:00:00+03:00', {
    input,
    output: {
      write: (chunk: string | Uint8Array) => {
        for (const body of splitter.push(chunk.toString()).messages) {
          const answer = decodeAnswer(body);
          if (answer) answers.push({ answer, frame: screen.lastFrame() });
        }
        onAnswer();
        return true;
      },
    },
  });
  const store = new MemoryStore();
  seedDemo(store, hook.clock.now());
  const world = startWorld({ store: asyncStore(store), clock: hook.clock, lang: 'en', terminalId: 'T-1', onPayment: () => undefined });
  const actor = terminalOf(world);
  hook.attach(actor);
  const ink = renderSeeingRoot(screen, hook.seeInkRoot, () =>
    render(
      <WorldProvider actor={world}>
        <App terminalId="T-1" />
      </WorldProvider>,
      { stdout: screen as never, stdin: hook.stdin, ...hook.renderOptions, exitOnCtrlC: false, patchConsole: false },
    ),
  );
  running = { hook, ink };

  /** Sends keys, then a request, and resolves with its answer. */
  async function ask(keys: string, request: ChannelRequest) {
    const answered = new Promise<void>((resolve) => (onAnswer = () => answers.some((a) => a.answer.id === request.id) && resolve()));
    input.emit('data', `${keys}${encodeRequest(request)}`);
    await answered;
    return answers.find((a) => a.answer.id === request.id) as (typeof answers)[number];
  }
  return { ask, hook, screen };
}

it('answers a sync after keys with the state they led to, its frame already written', async () => {
  const { ask } = startKiosk();
  const { answer, frame } = await ask(' ', { id: 1, kind: 'sync' });
  expect(answer.view.screen).toBe('menu');
  expect(frame).toContain(TEXT.en.menu);
});

it('answers an advance of the simulated clock with the screen its timers led to, drawn', async () => {
  const { ask } = startKiosk();
  expect((await ask(' ', { id: 1, kind: 'sync' })).answer.view.screen).toBe('menu');
  // an unattended menu goes back to idle on the simulated clock
  const { answer, frame } = await ask('', { id: 2, kind: 'advance', ms: 10 * 60_000 });
  expect(answer.view.screen).toBe('idle');
  expect(frame).toContain(TEXT.en.idle);
});

it('draws a burst of keys as one frame, and the answer carries the frame of the last key', async () => {
  const { ask, hook, screen } = startKiosk();
  expect(hook.drawsOncePerTurn).toBe(true);
  let id = 1;
  for (const key of [' ', ...PATH_KEYS]) await ask(key, { id: id++, kind: 'sync' });
  const before = screen.frames.length;
  // ten digits in one chunk, as a fast typist or a paste sends them: ten commits in one turn of the loop
  const { answer, frame } = await ask('1000000123', { id: id++, kind: 'sync' });
  expect(answer.view.screen).toBe('orderEntry');
  expect(frame).toContain('1 0 0 0 0 0 0 1 2 3');
  expect(screen.frames.length - before).toBe(1);
});

it('draws a commit that comes after the frame of its turn (a store answer), before answering', async () => {
  const { ask, screen } = startKiosk();
  let id = 1;
  for (const key of [' ', ...PATH_KEYS]) await ask(key, { id: id++, kind: 'sync' });
  // Enter looks the code up in the store: the answer comes in a later turn than the key's own frame
  const { answer, frame } = await ask('1000000123\r', { id: id++, kind: 'sync' });
  expect(answer.view.screen).not.toBe('orderEntry');
  // the order's check, or the refusal: what the store answered, drawn
  expect([TEXT.en.check, TEXT.en.refused].filter((title) => frame.includes(title))).toHaveLength(1);
  expect(screen.lastFrame()).toBe(frame);
});
