/**
 * Topping up a phone balance at the terminal (issue 13, real kiosks' main job): a cash session with no
 * order. Every inserted kopeck goes to the phone [choice: no commission], with a receipt and an SMS,
 * through the same session, journal and cap as an order payment, so a crash loses nothing.
 */
import type { Receipt } from '../store.js';

/** The order code a top-up's cash session and receipt carry: none. */
export const TOPUP_CODE = '';

/** A cash session or receipt that topped up a phone rather than paying an order. */
export const isTopUp = (paid: { code: string }): boolean => paid.code === TOPUP_CODE;

/** The phone ledger's line for a top-up at the terminal. */
export const topUpReason = (receipt: Receipt['number'], trigger: 'pay' | 'timeout'): string => `top-up at the terminal, receipt ${receipt} (${trigger})`;
