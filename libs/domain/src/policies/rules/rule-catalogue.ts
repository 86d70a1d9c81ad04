/**
 * The rule catalogue: every rule id a decision can name, with its clause and what it says — the rules of each policy
 * document, the ledger's own (`lifecycle.*`, `ledger.*`) and the named, dated Ledger interpretations that decisions
 * cite as rules (ledger.no-future-facts, ledger.waivers, …). docs/POLICIES.md and GET /v1/policies are rendered from
 * it; rule-catalogue.unit.spec.ts proves it complete.
 */
import { ConsortiumPolicyId } from '../../shared/policy-ids';
import { LEDGER_INTERPRETATIONS, LedgerInterpretation } from '../ledger-interpretations';
import { ZonePolicyId } from '../nmg-2022-zone';
import { LEDGER_FUNDING_RULE_TEXTS, LIFECYCLE_RULE_TEXTS } from './ledger.rules';
import { LIAONING_2021_ALLIANCE_RULES } from './liaoning-2021-alliance.rules';
import { LUZHOU_2024_CONSORTIUM_RULES } from './luzhou-2024-consortium.rules';
import { NMG_2022_ZONE_RULES } from './nmg-2022-zone.rules';
import { NMG_2024_CONSORTIUM_RULES } from './nmg-2024-consortium.rules';
import { RuleText } from './rule-text';
import { TIANJIN_2018_ALLIANCE_RULES } from './tianjin-2018-alliance.rules';

export type CataloguePolicyId = ConsortiumPolicyId | ZonePolicyId;

/** Each policy document's rules, in the order of its text. */
export const POLICY_RULES: Readonly<Record<CataloguePolicyId, ReadonlyArray<RuleText>>> = {
  'nmg-2024-consortium': NMG_2024_CONSORTIUM_RULES,
  'luzhou-2024-consortium': LUZHOU_2024_CONSORTIUM_RULES,
  'liaoning-2021-alliance': LIAONING_2021_ALLIANCE_RULES,
  'tianjin-2018-alliance': TIANJIN_2018_ALLIANCE_RULES,
  'nmg-2022-zone': NMG_2022_ZONE_RULES,
};

/** What a decision names when it cites a Ledger interpretation as its rule (e.g. ledger.no-future-facts). */
export const interpretationCitation = (entry: LedgerInterpretation): string => `Ledger interpretation ${entry.since}`;

/** The dated Ledger interpretations as rows: each can be a decision's rule, cited to its catalogue version. */
export const INTERPRETATION_RULE_TEXTS: ReadonlyArray<RuleText> = Object.values(LEDGER_INTERPRETATIONS).map(
  (entry: LedgerInterpretation) => ({ rule: entry.id, citation: interpretationCitation(entry), text: entry.text }),
);

/** The ledger's own rules, shared by every policy. */
export const LEDGER_RULES: ReadonlyArray<RuleText> = [...LIFECYCLE_RULE_TEXTS, ...LEDGER_FUNDING_RULE_TEXTS];

/** Every row of the catalogue. */
export const RULE_CATALOGUE: ReadonlyArray<RuleText> = [
  ...Object.values(POLICY_RULES).flat(),
  ...LEDGER_RULES,
  ...INTERPRETATION_RULE_TEXTS,
];

/** The catalogue's row for a rule id, or undefined. */
export const ruleTextOf = (rule: string): RuleText | undefined => RULE_CATALOGUE.find((row) => row.rule === rule);
