/**
 * The queue of simulated customers at the till (the cashier's role), as data: each has a story,
 * the code they show (or only the site's order id), the notes and coins they hand over and what
 * they say (an i18n key of src/i18n/till.*.ts). Built on the demo orders, so each story meets the
 * rule it rehearses: change, an expired code (R-CODE-2), the 16,990 ₽ order the terminal refused
 * (R-TERM-3), a risen price (R-CODE-5), an offered commission (R-CASH-2: none is taken), a worn
 * note (the rest of the risen price), and a customer with no code.
 */
import type { Drawer } from './drawer.js';

export type CustomerStory = 'plain' | 'expired' | 'sentByTerminal' | 'priceRose' | 'offersCommission' | 'wornNote' | 'siteOrderIdOnly';

export interface TillCustomer {
  story: CustomerStory;
  /** the payment code from the SMS; null when the customer has only the site's order id */
  code: string | null;
  /** what they show instead of a code */
  siteOrderId?: string;
  /** the good notes and coins they hand over */
  brings: Drawer;
  /** a note the cashier must hand back (worn or foreign), if any */
  badNote?: { face: string; why: 'worn' | 'foreign' };
  /** i18n key of what they say (a tape's own words are shown as written) */
  says: string;
  /** queued by a tape (`Customer …`): served before the demo queue's customers */
  scripted?: boolean;
}

export const DEMO_QUEUE: readonly TillCustomer[] = [
  { story: 'plain', code: '1000000001', brings: { '5000.00': 1 }, says: 'till.says.plain' },
  { story: 'expired', code: '1000000004', brings: { '5000.00': 1 }, says: 'till.says.expired' },
  { story: 'sentByTerminal', code: '1000000003', brings: { '5000.00': 4 }, says: 'till.says.sentByTerminal' },
  { story: 'priceRose', code: '1000000006', brings: { '2000.00': 1, '500.00': 1 }, says: 'till.says.priceRose' },
  { story: 'offersCommission', code: '1000000002', brings: { '2000.00': 1, '1000.00': 1, '100.00': 1 }, says: 'till.says.offersCommission' },
  // comes back for the 300 ₽ the risen price left owed, first with a worn note
  { story: 'wornNote', code: '1000000006', brings: { '500.00': 1 }, badNote: { face: '500.00', why: 'worn' }, says: 'till.says.wornNote' },
  { story: 'siteOrderIdOnly', code: null, siteOrderId: '8123456789012345', brings: { '5000.00': 1 }, says: 'till.says.siteOrderIdOnly' },
];

/** A scripted customer (a tape's `Customer 1000000123 brings 5000 [says "…"]`). */
export const scriptedCustomer = (code: string, brings: Drawer, says?: string): TillCustomer => ({ story: 'plain', code, brings, says: says ?? 'till.says.plain', scripted: true });
/** A scripted customer with only the site's order id (`Customer site-order 8123… brings 5000`): sent back for the code. */
export const siteOrderCustomer = (siteOrderId: string, brings: Drawer, says?: string): TillCustomer => ({
  story: 'siteOrderIdOnly', code: null, siteOrderId, brings, says: says ?? 'till.says.siteOrderIdOnly', scripted: true,
});
