/**
 * The rule IDs of /work/shared/DOMAIN.md (the team's domain text), as data: an exercise that
 * names any other rule is rejected at load. A new rule in DOMAIN.md is one more entry here.
 */
export const RULE_IDS = [
  'R-CODE-1', 'R-CODE-2', 'R-CODE-3', 'R-CODE-4', 'R-CODE-5', 'R-CODE-6', 'R-CODE-7',
  'R-CASH-1', 'R-CASH-2', 'R-CASH-3', 'R-CASH-4',
  'R-TERM-1', 'R-TERM-2', 'R-TERM-3', 'R-TERM-4', 'R-TERM-5', 'R-TERM-6',
  'R-MOB-1', 'R-MOB-2', 'R-MOB-3', 'R-MOB-4', 'R-MOB-5', 'R-MOB-6', 'R-MOB-7', 'R-MOB-8', 'R-MOB-9', 'R-MOB-10',
  'R-PROT-1', 'R-PROT-2',
] as const;

export const isRuleId = (id: string): boolean => (RULE_IDS as readonly string[]).includes(id);
