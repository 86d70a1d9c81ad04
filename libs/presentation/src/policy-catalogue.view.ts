/**
 * The policy catalogue as the API shows it (GET /v1/policies) and docs/POLICIES.md renders it: every policy with its
 * rules in words, its parameters (money as yuan strings), its waivable rules, its funding categories and the Ledger
 * interpretations that read its rules; and the ledger's own rules and dated interpretations. One view, so the two
 * cannot say different things.
 */
import { consortiumPolicies } from '@ledger/domain/policies/consortium-policies';
import { fundingPolicy } from '@ledger/domain/policies/funding/funding-catalog';
import { FundingPolicy } from '@ledger/domain/policies/funding/funding-policy';
import {
  LEDGER_INTERPRETATIONS,
  LedgerInterpretation,
  POLICY_CATALOGUE_VERSION,
} from '@ledger/domain/policies/ledger-interpretations';
import { LEDGER_INTERPRETATIONS_ZH } from '@ledger/domain/policies/ledger-interpretations.zh';
import { PARAMETER_DESCRIPTIONS_ZH } from '@ledger/domain/policies/parameter-descriptions.zh';
import { nmg2022Zone } from '@ledger/domain/policies/nmg-2022-zone';
import { WaivableRule } from '@ledger/domain/policies/policy';
import { LEDGER_RULES, POLICY_RULES } from '@ledger/domain/policies/rules/rule-catalogue';
import { RuleText } from '@ledger/domain/policies/rules/rule-text';
import { BusinessDate } from '@ledger/domain/shared/dates';
import { fenToYuan } from '@ledger/domain/shared/money';
import { CONSORTIUM_POLICY_IDS } from '@ledger/domain/shared/policy-ids';
import { PolicyParam, RuleRef } from '@ledger/domain/shared/rule';
import { Language } from '@ledger/domain/shared/wording';

import { chineseReading } from './sentences/catalogue-reading';
import { ruleTitle } from './sentences/render-words';

export { ruleTitle };
export type { Language } from './sentences/render-words';

/** A rule in words; `waivable` with the clause's 原则上 words where a waiver may set it aside (ledger.waivers). */
export interface RuleView extends RuleText {
  /** Its title in the language asked for: in Chinese (default) the clause's words, in English its `text`. */
  title: string;
  waivable: boolean;
  /** The clause's words, 原则上 included, and where the rule is waived: in the filing, or before approval or later. */
  waiver?: { text: string; decidedAt: WaivableRule['decidedAt'] };
}

export interface ParameterView {
  /** The parameter's name; money parameters lose their `Fen` suffix and are given in yuan (`unit: 'yuan'`). */
  name: string;
  rule: string;
  citation: string;
  description: string;
  waivable?: true;
  unit?: 'yuan';
  interpretation?: string;
  versions: Array<{ from: BusinessDate; to?: BusinessDate; value: unknown }>;
}

export interface FundingCategoryView extends RuleRef {
  id: string;
  description: string;
  /** Grant fields the category needs besides the common ones. */
  requires: ReadonlyArray<string>;
  /** Names of the parameters (in `funding.parameters`) its rules and caps read. */
  parameters: string[];
}

export interface FundingView {
  inForce: FundingPolicy['inForce'];
  categories: string[];
  categoryDetails: FundingCategoryView[];
  parameters: ParameterView[];
  termination: RuleRef;
  projectChange: RuleRef;
}

export interface PolicyView {
  id: string;
  kind: 'consortium' | 'zone';
  title: string;
  issuer: string;
  issuedOn: BusinessDate;
  inForce: RuleRef & { from: BusinessDate; to?: BusinessDate; interpretation?: string };
  rules: RuleView[];
  parameters: ParameterView[];
  waivable?: ReadonlyArray<WaivableRule>;
  funding?: FundingView;
  /** The dated Ledger interpretations that read a rule of this policy. */
  ledgerInterpretations: LedgerInterpretation[];
}

export interface PolicyCatalogueView {
  items: PolicyView[];
  catalogueVersion: string;
  /** The lifecycle every consortium policy shares (`lifecycle.*`) and the ledger's bookkeeping rules (`ledger.*`). */
  ledgerRules: RuleView[];
  ledgerInterpretations: LedgerInterpretation[];
}

const isMoney = (name: string) => name.endsWith('Fen');

const ALL_INTERPRETATIONS: LedgerInterpretation[] = Object.values(LEDGER_INTERPRETATIONS);

/** A dated interpretation in `language`: its text (and what it replaced) in Chinese unless English is asked for. */
function interpretationIn(entry: LedgerInterpretation, language: Language): LedgerInterpretation {
  const zh = language === 'zh' ? LEDGER_INTERPRETATIONS_ZH[entry.id] : undefined;
  if (!zh) return entry;
  return { ...entry, text: zh.text, ...(entry.replaces !== undefined && zh.replaces && { replaces: zh.replaces }) };
}

/** A parameter's or funding category's description in `language`. */
const describedIn = (description: string, language: Language): string =>
  (language === 'zh' && PARAMETER_DESCRIPTIONS_ZH[description]) || description;

/**
 * A row's, parameter's or in-force date's reading in `language`: a dated interpretation's text is said as the
 * interpretation is; any other reading by its Chinese (policy-readings.zh.ts).
 */
function readingIn(text: string, language: Language): string {
  return (language === 'zh' && chineseReading(text)) || text;
}

/** A policy's or funding's in-force dates with their reading in `language`. */
const inForceIn = <T extends { interpretation?: string }>(inForce: T, language: Language): T =>
  inForce.interpretation ? { ...inForce, interpretation: readingIn(inForce.interpretation, language) } : inForce;

export function parameterView(
  name: string,
  param: PolicyParam<unknown>,
  waivable: ReadonlyArray<string> = [],
  language: Language = 'zh',
) {
  const money = isMoney(name);
  const view: ParameterView = {
    name: money ? name.slice(0, -'Fen'.length) : name,
    rule: param.rule,
    citation: param.citation,
    description: describedIn(param.description, language),
    ...(waivable.includes(param.rule) && { waivable: true }),
    ...(money && { unit: 'yuan' }),
    ...(param.interpretation && { interpretation: readingIn(param.interpretation, language) }),
    versions: param.versions.map(({ from, to, value }) => ({
      from,
      ...(to && { to }),
      value: money && typeof value === 'number' ? fenToYuan(value) : value,
    })),
  };
  return view;
}

const parametersView = (
  params: Readonly<Record<string, PolicyParam<unknown>>>,
  language: Language,
  waivable: ReadonlyArray<string> = [],
) => Object.entries(params).map(([name, param]) => parameterView(name, param, waivable, language));

export function ruleView(
  row: RuleText,
  waivable: ReadonlyArray<WaivableRule> = [],
  language: Language = 'zh',
): RuleView {
  const waiver = waivable.find((w) => w.rule === row.rule);
  // In Chinese a rule says what its title says (the clause's own words); in English what the row says.
  const title = ruleTitle(row.rule, language) || row.text;
  return {
    ...row,
    text: title,
    ...(row.interpretation && { interpretation: readingIn(row.interpretation, language) }),
    title,
    waivable: !!waiver,
    ...(waiver && { waiver: { text: waiver.text, decidedAt: waiver.decidedAt } }),
  };
}

/** The dated interpretations that read any of these rules, in `language`. */
const interpretationsOf = (rules: ReadonlyArray<string>, language: Language): LedgerInterpretation[] =>
  ALL_INTERPRETATIONS.filter((entry) => entry.rules.some((rule) => rules.includes(rule))).map((entry) =>
    interpretationIn(entry, language),
  );

function fundingView(funding: FundingPolicy, language: Language): FundingView {
  const parameters = parametersView(funding.params, language);
  // A category may hold the policy's parameters under names of its own: they are found by identity.
  const entries = Object.values(funding.params);
  const names = (params: Readonly<Record<string, PolicyParam<unknown>>>) =>
    Object.values(params).flatMap((param) => {
      const at = entries.indexOf(param);
      return at < 0 ? [] : [parameters[at].name];
    });
  return {
    inForce: inForceIn(funding.inForce, language),
    categories: funding.categories.map((c) => c.id),
    categoryDetails: funding.categories.map((c) => ({
      id: c.id,
      rule: c.grantRule.rule,
      citation: c.grantRule.citation,
      description: describedIn(c.description, language),
      requires: c.requires.map((field) => (isMoney(field) ? field.slice(0, -'Fen'.length) : field)),
      parameters: names(c.params),
    })),
    parameters,
    termination: funding.termination,
    projectChange: funding.projectChange,
  };
}

/** Every policy the ledger administers, with its rules, numbers, clauses, dates and Ledger interpretations. */
export function policyViews(language: Language = 'zh'): PolicyView[] {
  const consortia = CONSORTIUM_POLICY_IDS.map((id): PolicyView => {
    const policy = consortiumPolicies[id];
    const funding = fundingView(fundingPolicy(id), language);
    const rules = POLICY_RULES[id].map((row) => ruleView(row, policy.waivable, language));
    const parameters = parametersView(
      policy.params,
      language,
      policy.waivable.map((w) => w.rule),
    );
    const ruleIds = [...rules, ...parameters, ...funding.parameters].map((r) => r.rule);
    return {
      id,
      kind: 'consortium',
      title: policy.title,
      issuer: policy.issuer,
      issuedOn: policy.issuedOn,
      inForce: inForceIn(policy.inForce, language),
      rules,
      parameters,
      waivable: policy.waivable,
      funding,
      ledgerInterpretations: interpretationsOf(ruleIds, language),
    };
  });
  const zoneRules = POLICY_RULES[nmg2022Zone.id].map((row) => ruleView(row, [], language));
  const zoneParameters = parametersView(nmg2022Zone.params, language);
  const zone: PolicyView = {
    id: nmg2022Zone.id,
    kind: 'zone',
    title: nmg2022Zone.title,
    issuer: nmg2022Zone.issuer,
    issuedOn: nmg2022Zone.issuedOn,
    inForce: nmg2022Zone.inForce,
    rules: zoneRules,
    parameters: zoneParameters,
    ledgerInterpretations: interpretationsOf(
      [...zoneRules, ...zoneParameters].map((r) => r.rule),
      language,
    ),
  };
  return [...consortia, zone];
}

/**
 * The catalogue in `language` (Chinese unless asked for English): rule titles and texts, the dated interpretations
 * the readings that are theirs, the rows', parameters' and in-force dates' own readings (`interpretation`), and the
 * descriptions of parameters and funding categories.
 */
export function policyCatalogueView(language: Language = 'zh'): PolicyCatalogueView {
  return {
    items: policyViews(language),
    catalogueVersion: POLICY_CATALOGUE_VERSION,
    ledgerRules: LEDGER_RULES.map((row) => ruleView(row, [], language)),
    ledgerInterpretations: ALL_INTERPRETATIONS.map((entry) => interpretationIn(entry, language)),
  };
}
