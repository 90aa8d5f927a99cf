/** The till's words: every notice the till machine can set and every customer's line exist in both languages. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_QUEUE } from '../../src/domain/cash/tillCustomers.js';
import { en } from '../../src/i18n/en.js';
import { ru } from '../../src/i18n/ru.js';

const machineText = readFileSync(new URL('../../machines/desk/till.ts', import.meta.url), 'utf8');
const noticeKeys = [...machineText.matchAll(/key: '([\w.]+)'/g)].map((m) => m[1]!);

describe('the till in words', () => {
  it('every notice of the till machine is in English and Russian', () => {
    expect(noticeKeys.length).toBeGreaterThan(8);
    for (const key of noticeKeys) {
      expect(en, key).toHaveProperty([key]);
      expect(ru, key).toHaveProperty([key]);
    }
  });

  it('every customer in the queue says something in both languages, and the Russian differs from the English', () => {
    for (const customer of DEMO_QUEUE) {
      const key = customer.says as keyof typeof en;
      expect(en[key], key).toBeTruthy();
      expect(ru[key], key).toBeTruthy();
      expect(ru[key]).not.toBe(en[key]);
    }
  });
});
