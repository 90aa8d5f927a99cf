/**
 * `kiosk reconcile` (issue 20): each terminal's journal against the registry, as a kiosk network
 * reconciles its terminals with the processing centre. Payments are matched by cash session; a
 * difference is a payment missing in the registry, one whose cash or key differs, or one the registry
 * holds for a journaling terminal that no journal has.
 */
import type { JournalPayment } from './terminalJournal.js';
import type { RegistryPayment } from './pg/pgForward.js';

export type Difference =
  | { kind: 'missing'; receipt: string; sessionId: string; accepted: string; inOutbox: boolean }
  | { kind: 'differs'; receipt: string; sessionId: string; what: string; journal: string; registry: string }
  | { kind: 'unjournaled'; receipt: string; sessionId: string; accepted: string };

export interface Reconciliation {
  /** payments in the journals */
  journaled: number;
  terminals: string[];
  differences: Difference[];
}

export function reconcile(journal: readonly JournalPayment[], registry: readonly RegistryPayment[]): Reconciliation {
  const bySession = new Map(registry.map((payment) => [payment.sessionId, payment]));
  const terminals = [...new Set(journal.map((p) => p.entry.session.terminalId))].sort();
  const differences: Difference[] = [];
  const seen = new Set<string>();
  for (const { entry, receipt, forwardedAt } of journal) {
    const sessionId = entry.session.id;
    seen.add(sessionId);
    const theirs = bySession.get(sessionId);
    if (!theirs) {
      differences.push({ kind: 'missing', receipt: receipt.number, sessionId, accepted: receipt.accepted, inOutbox: forwardedAt === null });
      continue;
    }
    const pairs: [what: string, journal: string, registry: string][] = [
      ['accepted', receipt.accepted, theirs.accepted],
      ['notes', String(entry.session.notes.length), String(theirs.notes)],
      ['receipt', receipt.number, theirs.receipt],
    ];
    for (const [what, ours, registryValue] of pairs) {
      if (ours !== registryValue) differences.push({ kind: 'differs', receipt: receipt.number, sessionId, what, journal: ours, registry: registryValue });
    }
  }
  for (const payment of registry) {
    if (terminals.includes(payment.terminalId) && !seen.has(payment.sessionId)) {
      differences.push({ kind: 'unjournaled', receipt: payment.receipt, sessionId: payment.sessionId, accepted: payment.accepted });
    }
  }
  return { journaled: journal.length, terminals, differences };
}

/** One line per difference, for the terminal. */
export function describeDifference(d: Difference): string {
  switch (d.kind) {
    case 'missing':
      return `${d.receipt} (session ${d.sessionId}): ${d.accepted} taken, missing in the registry${d.inOutbox ? ' (still in the outbox: not forwarded yet)' : ''}`;
    case 'differs':
      return `${d.receipt} (session ${d.sessionId}): ${d.what} ${d.journal} in the journal, ${d.registry} in the registry`;
    case 'unjournaled':
      return `${d.receipt} (session ${d.sessionId}): ${d.accepted} in the registry, not in the journal`;
  }
}
