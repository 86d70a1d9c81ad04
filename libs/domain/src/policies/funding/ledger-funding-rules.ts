/**
 * Rules the ledger itself states about subsidies where the policies are silent. POLICIES.md gives them no id, so
 * they are named `ledger.*`; the citation names the text they come from (API.md or a Ledger interpretation).
 */
import { RuleRef } from '../../shared/rule';

const ref = (rule: string, citation: string): RuleRef => ({ rule, citation });

export const CAP_USAGE_INTERPRETATION =
  'Cap usage = granted − cancelled: a cancellation releases undisbursed money; a clawback does not restore headroom ' +
  '(POLICIES.md, Ledger interpretation)';

export const LEDGER_FUNDING_RULES = {
  grantFields: ref('ledger.grant-fields', 'API.md Subsidies: projectId, projectTotalInvestment, platformId'),
  subsidyUnique: ref('ledger.subsidy-unique', 'API.md Subsidies: POST /v1/subsidies grants a new subsidy'),
  subsidyExists: ref('ledger.subsidy-exists', 'API.md Subsidies: /v1/subsidies/{id}'),
  consortiumActive: ref('ledger.consortium-active', 'API.md Subsidies: the consortium must be active'),
  categoryOfPolicy: ref('ledger.category-of-policy', "API.md Subsidies: the category its policy's"),
  recipientMember: ref('ledger.recipient-member', 'API.md Subsidies: the recipient its lead or a member'),
  fiscalYear: ref(
    'ledger.fiscal-year',
    'POLICIES.md Ledger interpretation (liaoning-2021-alliance): a year is the fiscal (calendar) year of the grant',
  ),
  projectConsistent: ref(
    'ledger.project-consistent',
    'POLICIES.md Ledger interpretation: the limits of a project are cumulative over all grants to the same project',
  ),
  disburseWithinGrant: ref(
    'ledger.disburse-within-grant',
    'API.md Subsidies: not beyond what is granted and not cancelled',
  ),
  cancelUndisbursed: ref('ledger.cancel-undisbursed', 'API.md Subsidies: cancellation releases undisbursed money'),
  clawbackWithinDisbursed: ref('ledger.clawback-within-disbursed', 'API.md Subsidies: not beyond what was disbursed'),
  refundWithinClawback: ref('ledger.refund-within-clawback', 'API.md Subsidies: money returned against clawbacks'),
  terminateAndRecover: ref(
    'ledger.terminate-and-recover',
    'API.md Subsidies: termination, the same mechanics as nmg.terminate-and-recover 六(二) elsewhere',
  ),
  movementDates: ref(
    'ledger.movement-dates',
    'API.md Subsidies: the movements of a granted subsidy, dated in order (INTERPRETATIONS.md Funding)',
  ),
  dualControl: ref(
    'ledger.dual-control',
    'API.md Subsidies: a grant at or above LEDGER_DUAL_CONTROL_AMOUNT waits for a second finance user (maker-checker)',
  ),
  projectChange: ref(
    'ledger.project-change',
    'Ledger interpretation 2026-12-01 (policy catalogue): as nmg.project-change 六(三) for the other policies',
  ),
  terminatedIsClosed: ref(
    'ledger.terminated-subsidy',
    'API.md Subsidies: a terminated project takes no further payments, cancellations or clawbacks',
  ),
  statementMatching: ref(
    'ledger.statement-matching',
    'API.md Reconciliations: a statement line matches a disbursement by voucher, else by amount, date ± 3 days and payee',
  ),
  differenceResolved: ref(
    'ledger.difference-resolved',
    'API.md Reconciliations: a finance user marks a difference resolved, once, with a note',
  ),
  /** The policy's in-force period; the same rule id the consortium lifecycle uses. */
  policyInForce: 'lifecycle.in-force',
} as const;
