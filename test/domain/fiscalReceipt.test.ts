/** The desk's fiscal receipt (R-CASH-1, R-CASH-3, R-CASH-4): 54-FZ fields, the QR payload, the Post's own form. */
import { describe, expect, it } from 'vitest';
import { buildDeskReceipt, deskReceiptLines, deskReceiptText, fiscalSign, nextCounters, qrPayload, qrTime } from '../../src/domain/fiscal/fiscalReceipt.js';
import { qrRows } from '../../src/domain/fiscal/qr.js';
import { create } from 'qrcode/lib/core/qrcode.js';
import type { DeskPlace } from '../../src/domain/fiscal/desks.js';

/** 2026-11-22 07:05 UTC = 10:05 in Moscow */
const AT = Date.UTC(2026, 10, 22, 7, 5, 30);

const receipt = (place: DeskPlace, fd = 7) =>
  buildDeskReceipt(
    { place, at: AT, code: '1000000003', total: '16990.00', received: '20000.00', change: '3010.00', orderStatus: 'paid', owed: '0.00' },
    { shift: 2, inShift: 3, fd },
  );

describe('the fiscal receipt', () => {
  it('R-CASH-4: the QR payload is exactly t=YYYYMMDDTHHMM&s=RUB.KK&fn=<16 digits>&i=<FD>&fp=<FP>&n=1, in Moscow time', () => {
    expect(qrTime(AT)).toBe('20261122T1005');
    const r = receipt('cashier');
    expect(r.qr).toBe(`t=20261122T1005&s=16990.00&fn=9999078900012345&i=7&fp=${r.fp}&n=1`);
    expect(r.fp).toMatch(/^\d{10}$/);
    expect(qrPayload(AT, '0.50', '1234567890123456', 12, '0000000042')).toBe('t=20261122T1005&s=0.50&fn=1234567890123456&i=12&fp=0000000042&n=1');
  });

  it('R-CASH-4: the fiscal sign is the same for the same document and differs for another', () => {
    expect(fiscalSign('9999078900012345', 7, AT, '16990.00')).toBe(receipt('cashier').fp);
    expect(fiscalSign('9999078900012345', 8, AT, '16990.00')).not.toBe(receipt('cashier').fp);
    expect(fiscalSign('9999078900012345', 7, AT, '16990.01')).not.toBe(receipt('cashier').fp);
  });

  it('R-CASH-1: the cashier\'s receipt carries the 54-FZ fields and the agent\'s tags, in Russian', () => {
    const text = deskReceiptText(receipt('cashier'), 'ru');
    for (const field of [
      'КАССОВЫЙ ЧЕК', 'ИНН 7701000001', 'Смена 2  Чек 3', '22.11.2026 10:05:30', 'ПРИХОД', 'Оплата заказа AliExpress 1000000003',
      '(1057)', '(1044)', '(1073)', '(1074)', '(1225)', '(1226)', 'ИТОГ 16 990,00 ₽', 'НАЛИЧНЫМИ 16 990,00 ₽',
      'ПОЛУЧЕНО 20 000,00 ₽', 'СДАЧА 3 010,00 ₽', 'СНО: ОСН', 'РН ККТ 0000000001012345', 'ФН 9999078900012345', 'ФД 7  ФП ',
      'QR: t=20261122T1005&s=16990.00', 'Сохраните чек до получения посылки',
    ]) {
      expect(text.replace(/\u00a0/g, ' ')).toContain(field);
    }
  });

  it('R-CASH-3: the Post\'s receipt has its own header, seller, window and wording, and still says to keep it', () => {
    const ru = deskReceiptText(receipt('post'), 'ru');
    expect(ru).toContain('ПОЧТА РОССИИ · КАССОВЫЙ ЧЕК');
    expect(ru).toContain('АО «Почта России»');
    expect(ru).toContain('Окно оператора 3');
    expect(ru).toContain('Сохраняйте чек до получения отправления');
    expect(ru).toContain('fn=9999078900054321');
    const en = deskReceiptText(receipt('post'), 'en');
    expect(en).toContain('RUSSIAN POST · CASH RECEIPT');
    expect(en).toContain('Keep this receipt until the parcel arrives');
  });

  it('R-CODE-5: a receipt that leaves the order partially paid says what is still owed', () => {
    const partial = buildDeskReceipt(
      { place: 'cashier', at: AT, code: '1000000006', total: '2000.00', received: '2000.00', change: '0.00', orderStatus: 'partially_paid', owed: '300.00' },
      nextCounters(null),
    );
    expect(deskReceiptText(partial, 'en')).toMatch(/Still owed on the order: 300\.00/);
    expect(partial).toMatchObject({ shift: 1, inShift: 1, fd: 1, number: 'K-1-000001' });
  });

  it('R-CASH-3 R-CODE-5: the Post\'s receipt, line by line, in English: every field in its place, what is still owed before "keep it"', () => {
    const r = buildDeskReceipt(
      { place: 'post', at: AT, code: '1000000006', total: '2000.00', received: '2500.00', change: '500.00', orderStatus: 'partially_paid', owed: '300.00' },
      { shift: 2, inShift: 3, fd: 7 },
    );
    expect(deskReceiptLines(r, 'en').map((line) => line.replace(/\u00a0/g, ' '))).toEqual([
      'RUSSIAN POST · CASH RECEIPT', 'АО «Почта России», ОПС 101000', 'INN 7724490000', 'г. Москва, ул. Мясницкая, д. 26',
      'Operator window 3', 'Shift 2  Receipt 3', '2026-11-22 10:05:30', 'INCOME (Приход)', '1. Payment for AliExpress order 1000000006',
      '  1 × 2,000.00 ₽ = 2,000.00 ₽', '  Agent (1057): payment agent', '  Agent operation (1044): payment',
      '  Agent\'s phone (1073): +7 (800) 200-58-88', '  Operator\'s phone (1074): +7 (495) 000-00-02',
      '  Supplier (1225): ООО «АлиЭкспресс Россия»', '  Supplier\'s INN (1226): 9704099999',
      'TOTAL 2,000.00 ₽', 'CASH 2,000.00 ₽', 'RECEIVED 2,500.00 ₽', 'CHANGE 500.00 ₽', 'Taxation: general (OSN)',
      'Register No. 0000000002054321', 'Fiscal drive 9999078900054321', `FD 7  FP ${r.fp}`,
      `QR: t=20261122T1005&s=2000.00&fn=9999078900054321&i=7&fp=${r.fp}&n=1`,
      'Still owed on the order: 300.00 ₽', 'Keep this receipt until the parcel arrives',
    ]);
    // nothing owed, nothing said: a paid order, or a partial one whose rest was met by a price fall
    for (const [orderStatus, owed] of [['paid', '0.00'], ['partially_paid', '0.00']] as const) {
      expect(deskReceiptText({ ...r, orderStatus, owed }, 'en')).not.toContain('Still owed');
    }
    // the shop has one till: no window line, nothing in its place
    expect(deskReceiptLines(receipt('cashier'), 'en')).toHaveLength(25);
    expect(deskReceiptText(receipt('cashier'), 'en')).not.toContain('window');
    // the stored text is the printed lines, one a line
    expect(deskReceiptText(r, 'en').split('\n')).toEqual(deskReceiptLines(r, 'en'));
  });

  it('numbers run on: the next receipt of a register has the next numbers', () => {
    expect(nextCounters({ shift: 2, inShift: 3, fd: 7 })).toEqual({ shift: 2, inShift: 4, fd: 8 });
  });

  it('draws the QR code as a square of half blocks, wide enough to scan and narrow enough for the screen', () => {
    const rows = qrRows(receipt('cashier').qr);
    const width = rows[0]!.length;
    expect(rows.every((r) => r.length === width)).toBe(true);
    expect(width).toBeLessThanOrEqual(40);
    expect(rows.length).toBe(Math.ceil(width / 2));
    expect(rows.join('')).toMatch(/^[█▀▄ ]+$/);
    // another payload, another picture
    expect(qrRows(receipt('cashier', 8).qr)).not.toEqual(rows);
  });

  it('R-CASH-4: the drawing is the encoder\'s matrix exactly: each text row two module rows, dark modules blank, a light quiet zone', () => {
    const payload = receipt('cashier').qr;
    const { size, data } = create(payload, { errorCorrectionLevel: 'L' }).modules;
    const rows = qrRows(payload);
    // back from half blocks to module rows: a light top half is █ or ▀, a light bottom half █ or ▄
    const light: boolean[][] = [];
    for (const row of rows) {
      light.push([...row].map((ch) => ch === '█' || ch === '▀'));
      light.push([...row].map((ch) => ch === '█' || ch === '▄'));
    }
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) expect(light[r + 1]![c + 1], `module ${r},${c}`).toBe(data[r * size + c] !== 1);
    }
    // the code has an odd number of modules: the last text row is the bottom quiet zone over nothing (upper half blocks only)
    expect(size % 2).toBe(1);
    expect(rows.at(-1)).toBe('▀'.repeat(size + 2));
    // and the right-hand quiet zone is light on every module row, not the next row's first module
    for (let r = 0; r < size + 2; r++) expect(light[r]![size + 1], `quiet zone, row ${r}`).toBe(true);
    // the quiet zone around it is light
    expect(light[0]!.every(Boolean)).toBe(true);
    expect(light.map((line) => line[0]).slice(0, size + 2).every(Boolean)).toBe(true);
  });
});

describe('where a payment was taken', () => {
  it('R-CASH-1 R-CASH-3: an order\'s history says a desk payment was taken at a cashier or at the Post, not at a terminal', async () => {
    const { describeEntry } = await import('../../src/domain/orders/orderTimeline.js');
    const { deskOfReceipt } = await import('../../src/domain/fiscal/desks.js');
    expect([deskOfReceipt('K-1-000001'), deskOfReceipt('P-101000-000002'), deskOfReceipt('T-1-000001')]).toEqual(['cashier', 'post', null]);
    const { isDeskPlace } = await import('../../src/domain/fiscal/desks.js');
    expect(['cashier', 'post', 'terminal', ''].map(isDeskPlace)).toEqual([true, true, false, false]);
    const entry = (ref: string) => describeEntry({ at: AT, kind: 'paid', why: '', amount: '100.00', ref });
    expect(entry('K-1-000001')).toContain('accepted at a cashier, receipt K-1-000001');
    expect(entry('P-101000-000001')).toContain('accepted at the Post, receipt P-101000-000001');
    expect(entry('T-1-000001')).toContain('accepted at a terminal, receipt T-1-000001');
  });
});
