/**
 * The rules the ledger states itself where the documents are silent: the lifecycle every consortium policy shares
 * (`lifecycle.*`) and the bookkeeping of subsidies (`ledger.*`). Their ids and citations come from where decisions
 * take them (LIFECYCLE_RULES, LEDGER_FUNDING_RULES); only the words are added here.
 */
import { RuleRef } from '../../shared/rule';
import { LEDGER_FUNDING_RULES as LEDGER } from '../funding/ledger-funding-rules';
import { LIFECYCLE_RULES, LifecycleRule, lifecycleRule } from '../lifecycle-rules';
import { RuleText } from './rule-text';

const row = (ref: RuleRef, text: string): RuleText => ({ rule: ref.rule, citation: ref.citation, text });

export const LIFECYCLE_RULE_TEXTS: ReadonlyArray<RuleText> = (Object.keys(LIFECYCLE_RULES) as LifecycleRule[]).map(
  (name) => row(lifecycleRule(name), LIFECYCLE_RULES[name]),
);

/** In the order a subsidy meets them: the grant, then its movements. */
export const LEDGER_FUNDING_RULE_TEXTS: ReadonlyArray<RuleText> = [
  row(LEDGER.grantFields, 'a grant gives the fields its category needs (a project, its total investment, a platform)'),
  row(LEDGER.subsidyUnique, 'a subsidy id is granted once'),
  row(LEDGER.consortiumActive, 'a subsidy is granted to an active consortium, on or after the day it was approved'),
  row(LEDGER.categoryOfPolicy, "the category is one of the consortium's policy"),
  row(LEDGER.fiscalYear, 'the fiscal year of a grant is the calendar year of its date (grantedOn)'),
  row(LEDGER.recipientMember, "the recipient is the consortium's lead or one of its members"),
  row(LEDGER.projectConsistent, 'a project keeps the consortium, category and total investment of its first grant'),
  row(LEDGER.subsidyExists, 'a movement names a subsidy that was granted'),
  row(LEDGER.disburseWithinGrant, 'disbursed ≤ granted − cancelled'),
  row(LEDGER.cancelUndisbursed, 'a cancellation releases undisbursed money: cancelled ≤ granted − disbursed'),
  row(LEDGER.clawbackWithinDisbursed, 'clawed back ≤ disbursed'),
  row(LEDGER.refundWithinClawback, 'refunded ≤ clawed back'),
  row(
    LEDGER.movementDates,
    "dates never go backwards within a subsidy: a movement is dated on or after the grant and the subsidy's latest " +
      'movement',
  ),
  row(
    LEDGER.terminateAndRecover,
    'a terminated project (outside nmg-2024-consortium): the undisbursed rest is cancelled and everything disbursed is ' +
      'clawed back',
  ),
  row(
    LEDGER.terminatedIsClosed,
    'a terminated subsidy takes no further disbursement, cancellation, clawback or termination; refunds are still taken',
  ),
  row(
    LEDGER.projectChange,
    'once a consortium has ended (dissolved, delisted, withdrawn), no payment on its subsidies until the ' +
      "project's managing authority decided the project goes on (outside nmg-2024-consortium)",
  ),
  row(
    LEDGER.dualControl,
    'with LEDGER_DUAL_CONTROL_AMOUNT set, a grant at or above it is recorded pending, holding its headroom under every ' +
      'cap, and paid only once a second finance user (not its maker) approved it; declined, or unsigned ' +
      'LEDGER_PENDING_DAYS after its grantedOn, it releases its headroom and ends',
  ),
  row(
    LEDGER.statementMatching,
    "a payment statement's line and one of the ledger's disbursements are paired by voucher, else by amount, date " +
      'within ± 3 days and payee (credit code when the statement has one, else the name with full/half width, spaces ' +
      'and 有限责任公司/有限公司 alike); each line and disbursement at most once; a pair by voucher whose amount or ' +
      'payee differs is a difference, and so is what stays unpaired',
  ),
  row(LEDGER.differenceResolved, 'a difference of a matching run (not a matched line) is resolved once, with a note'),
];
