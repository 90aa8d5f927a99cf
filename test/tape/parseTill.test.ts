/** The tape syntax of the till (the cashier's role): Customer … brings … [says "…"], Give, ExpectDrawer. */
import { describe, expect, it } from 'vitest';
import { parseTape } from '../../src/tape/language/parse.js';

const strip = <T extends { line: number; column: number; raw: string }>({ line: _l, column: _c, raw: _r, ...rest }: T) => rest;
const steps = (text: string) => parseTape(`Launch\n${text}`, 'demo.tape').steps.slice(1).map(strip);

describe('tape commands for the till', () => {
  it('Customer <code> brings <notes and coins> [says "…"] queues a scripted customer', () => {
    expect(steps('Customer 1000000123 brings 5000\nCustomer 1000000003 brings 5000 5000 0.50 says "Sent here by the terminal."')).toEqual([
      { kind: 'tillCustomer', code: '1000000123', brings: ['5000.00'] },
      { kind: 'tillCustomer', code: '1000000003', brings: ['5000.00', '5000.00', '0.50'], says: 'Sent here by the terminal.' },
    ]);
    expect(steps('Customer site-order 8123456789012345 brings 5000 says "Only the order number."')).toEqual([
      { kind: 'tillCustomer', code: null, siteOrderId: '8123456789012345', brings: ['5000.00'], says: 'Only the order number.' },
    ]);
    expect(() => steps('Customer site-order AE-81 brings 5000')).toThrow(/expected the site's order id, digits, found "AE-81"/);
    expect(() => steps('Customer 123 brings 5000')).toThrow(/expected a 10-digit order number/);
    expect(() => steps('Customer 1000000123 pays 5000')).toThrow(/expected brings, found "pays"/);
    expect(() => steps('Customer 1000000123 brings 300')).toThrow(/expected a note or coin, like 5000, 200, 10 or 0.50/);
    expect(() => steps('Customer 1000000123 brings 5000 says hello')).toThrow(/what the customer says, in double quotes/);
  });

  it('Give <face>… and ExpectDrawer <face> x<count> take only real notes and coins', () => {
    expect(steps('Give 200\nGive 0.50\nGive 200 50 10\nExpectDrawer 5000 x3\nExpectDrawer 10 x0')).toEqual([
      { kind: 'give', faces: ['200.00'] },
      { kind: 'give', faces: ['0.50'] },
      // a varied exercise's change, note by note (`Give $change`)
      { kind: 'give', faces: ['200.00', '50.00', '10.00'] },
      { kind: 'expectDrawer', face: '5000.00', count: 3 },
      { kind: 'expectDrawer', face: '10.00', count: 0 },
    ]);
    expect(() => steps('Give 250')).toThrow(/a note or coin/);
    expect(() => steps('Give 200 250')).toThrow(/:10: expected a note or coin, like 5000, 200, 10 or 0.50, found "250"/);
    expect(() => steps('Give ten')).toThrow(/amount/);
    expect(() => steps('ExpectDrawer 5000 3')).toThrow(/expected a count like x3, found "3"/);
  });
});
