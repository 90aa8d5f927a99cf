/**
 * `kiosk orders cancel|ship|deliver|confirm|dispute|renew`: what the seller, the carrier, the buyer
 * and the platform do to an order (src/domain/orders/orderLife.ts decides; this only reads the flags).
 * An action that does not fit the order is refused with exit 1 and changes nothing.
 */
import { OrderRefused, type DisputeOutcome, type OrderAction, type OrderActionKind } from '../domain/orders/orderLife.js';
import type { KioskStore } from '../domain/store.js';
import { UsageError } from './args.js';
import { parseAmount, Refused, text, type Values } from './storeArgs.js';

export const LIFE_ACTIONS: readonly OrderActionKind[] = ['cancel', 'ship', 'deliver', 'confirm', 'dispute', 'renew'];
export const isLifeAction = (action: string): action is OrderActionKind => (LIFE_ACTIONS as readonly string[]).includes(action);

export const LIFE_HELP = `  kiosk orders cancel CODE [--refund 500.00] [--reason out-of-stock]
                                   the seller cancels; the refund (default: all that was paid) goes to the
                                   order's phone balance, with an SMS (R-CODE-7)
  kiosk orders ship CODE           the seller ships a paid order whose payment has settled (R-CODE-6)
  kiosk orders deliver CODE        the carrier delivers a shipped order
  kiosk orders confirm CODE        the buyer confirms receipt: the money goes to the seller (R-PROT-1)
  kiosk orders dispute CODE [--outcome full|partial:AMOUNT|reshipment] [--reason TEXT]
                                   opens a dispute on a shipped or delivered order; with --outcome, ends it:
                                   the money back to the phone, part of it, or the goods sent again (R-PROT-2)
  kiosk orders renew CODE [--code NEW] [--order-length N]
                                   places an expired, unpaid order again: a new code, valid 48 hours,
                                   sent by SMS (R-CODE-2); prints the new code`;

/** --reason out-of-stock reads as "out of stock" in the history and the SMS. */
const reasonText = (values: Values): string | undefined => text(values, 'reason')?.replace(/-/g, ' ');

export function parseOutcome(value: string): DisputeOutcome {
  if (value === 'full' || value === 'reshipment') return { kind: value };
  const partial = /^partial:(.+)$/.exec(value);
  if (partial) return { kind: 'partial', amount: parseAmount('outcome partial', partial[1]!) };
  throw new UsageError(`--outcome: expected full, partial:AMOUNT (partial:500.00) or reshipment, got "${value}"`);
}

/** The action the flags describe; validated before the store is opened. `newCode` is filled in later for renew. */
export function parseLifeAction(kind: OrderActionKind, values: Values): OrderAction {
  const reason = reasonText(values);
  switch (kind) {
    case 'cancel': {
      const refund = text(values, 'refund');
      return { kind, ...(refund !== undefined ? { refund: parseAmount('refund', refund) } : {}), ...(reason ? { reason } : {}) };
    }
    case 'dispute': {
      const outcome = text(values, 'outcome');
      return { kind, ...(outcome !== undefined ? { outcome: parseOutcome(outcome) } : {}), ...(reason ? { reason } : {}) };
    }
    case 'renew':
      return { kind, newCode: text(values, 'code') ?? '' };
    default:
      return { kind };
  }
}

/** Does the action at `now`; a refusal becomes exit 1 with the domain's reason. */
export async function runLifeAction(store: KioskStore, code: string, action: OrderAction, now: number) {
  try {
    return await store.changeOrder(code, action, now);
  } catch (error) {
    if (error instanceof OrderRefused) throw new Refused(error.message);
    throw error;
  }
}
