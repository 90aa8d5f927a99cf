/** Which SMS in a phone's inbox still expects a reply (R-MOB-2): a request nothing has answered yet. */
import type { MobileSms, PhoneMessage } from '../store.js';
import { DEFAULT_MOBILE_RULES, type MobileRules } from './mobileRules.js';
import type { KioskRules } from '../rules.js';

const isMobile = (m: PhoneMessage): m is MobileSms => 'transaction' in m;

/** The newest request SMS with no later SMS about its transaction (paid, cancelled, expired, refused); null when none. */
export function awaitingReply(inbox: readonly PhoneMessage[]): MobileSms | null {
  const mobile = inbox.filter(isMobile).sort((a, b) => a.at - b.at);
  const closed = new Set(mobile.filter((m) => m.kind !== 'mobileRequest').map((m) => m.transaction));
  // Stryker disable next-line ConditionalExpression: equivalent, because every SMS that is not a request has its transaction in closed
  return mobile.filter((m) => m.kind === 'mobileRequest' && !closed.has(m.transaction)).at(-1) ?? null;
}


/** The mobile rules a running program follows. */
export const mobileRulesOf = (rules: Pick<KioskRules, 'mobile'>): MobileRules => rules.mobile ?? DEFAULT_MOBILE_RULES;
