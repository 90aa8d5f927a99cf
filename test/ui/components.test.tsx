/**
 * Screen components alone, rendered with ink-testing-library: its fixed 100-column stdout suffices
 * for a button row, a paragraph and the receipt. Whole-kiosk tests that need 80×24, a resize or
 * keys through stdin use the own harness (./harness.tsx) instead.
 */
import React from 'react';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock, waitFor } from 'xstate';
import { Buttons } from '../../screens/common/Buttons.js';
import { Paragraph } from '../../screens/common/Paragraph.js';
import { ReceiptScreen } from '../../screens/terminal/ReceiptScreen.js';
import { cashButtons } from '../../machines/terminal/cashButtons.js';
import { kioskButtons } from '../../machines/terminal/kioskButtons.js';
import { mapKey } from '../../src/app/keymap.js';
import { startTerminal } from '../../src/app/session.js';
import { viewOf, type View } from '../../src/app/view.js';
import { seedDemo } from '../../src/domain/orders/demo.js';
import { MemoryStore } from '../../src/domain/memoryStore.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import { asyncStore } from '../../src/domain/asyncStore.js';

let cleanups: Array<() => void> = [];
const draw = (tree: React.ReactElement): string => {
  const ink = render(tree);
  cleanups.push(ink.unmount);
  return ink.lastFrame() ?? '';
};
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

const facts = { orderDigits: '', orderNumberLength: 10, phoneDigits: '', operator: null };

describe('Buttons', () => {
  it('issue 9 item 13: in Russian a letter hotkey shows the Cyrillic letter on its key too, [P/З]; in English only [P]', () => {
    const pay = cashButtons('holding', { inserted: '5000.00', due: '4750.00' });
    expect(draw(<Buttons buttons={pay} focus={0} lang="ru" />)).toContain('▸[P/З] Оплатить');
    expect(draw(<Buttons buttons={pay} focus={0} lang="en" />)).toContain('▸[P] Pay');
    const dialog = draw(<Buttons buttons={cashButtons('moreTime', { inserted: '0.00', due: '1.00' })} focus={1} lang="ru" columns={2} />);
    expect(dialog).toContain('[Y/Н] Да');
    expect(dialog).toContain('▸[N/Т] Нет');
  });

  it('keys that are not letters keep their names, in both languages: [Esc], [⌫], [Tab], digits', () => {
    const frame = draw(<Buttons buttons={kioskButtons('phoneEntry', facts)} focus={0} lang="ru" />);
    for (const shown of ['[⌫] Стереть', '[*] Очистить', '[Tab] Оператор', '[Esc] Назад']) expect(frame).toContain(shown);
    expect(draw(<Buttons buttons={kioskButtons('services', facts)} focus={0} lang="ru" />)).toContain('[1] Товары по каталогам');
  });
});

describe('Paragraph', () => {
  it('wraps between words only, each line starting in the same column, and keeps an amount whole', () => {
    const text = `${'word '.repeat(17)}pay 4\u00a0750,00\u00a0₽ now`;
    const lines = draw(<Paragraph text={text} />).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).toMatch(/^\S/);
    expect(lines.some((l) => l.includes('4\u00a0750,00\u00a0₽'))).toBe(true);
  });
});

describe('ReceiptScreen, from the View of a real payment', () => {
  it('R-TERM-5: shows what was paid and where the overpayment went, with the Done button', async () => {
    const clock = new SimulatedClock();
    clock.set(Date.UTC(2026, 10, 22, 7, 0, 0));
    const store = new MemoryStore();
    seedDemo(store, clock.now());
    const actor = startTerminal({ store: asyncStore(store), clock, lang: 'en', terminalId: 'T-1', rules: DEFAULT_RULES });
    cleanups.push(() => actor.stop());
    const view = (): View => viewOf(actor.getSnapshot());
    type Press = [string, Record<string, boolean>];
    const typed = (digits: string): Press[] => [...digits].map((d) => [d, {}]);
    const enter: Press = ['', { return: true }];
    const keys: Press[] = [...typed(' 811'), ...typed('1000000001'), enter, enter, ...typed('9161234567'), enter, ...typed('8p')];
    for (const [input, key] of keys) {
      const action = mapKey(view(), input, key);
      if (action.kind === 'send') actor.send(action.event);
      await waitFor(actor, (s) => s.matches({ flow: 'kiosk' }) || s.matches({ flow: 'cash' }));
    }
    await waitFor(actor, () => view().screen === 'receipt');
    const frame = draw(<ReceiptScreen view={view()} />);
    for (const shown of ['4,750.00\u00a0₽', '5,000.00\u00a0₽', '250.00\u00a0₽', '1000000001', 'Keep this receipt until the parcel arrives', '▸Done']) {
      expect(frame).toContain(shown);
    }
  });
});
