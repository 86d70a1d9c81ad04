/**
 * The rule catalogue is complete: every rule id the ledger can decide under — a parameter's, a verdict's, a funding
 * category's, a waivable rule's, a procedure's, the lifecycle's, a ledger rule's, a Ledger interpretation's, or a
 * literal in the domain's code — has a row saying what it means; and every row is used, or says why it is text only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileConsortium } from '../../consortium/consortium.fixtures';
import { CONSORTIUM_POLICY_IDS } from '../../shared/policy-ids';
import { RuleRef } from '../../shared/rule';
import { consortiumPolicy } from '../consortium-policies';
import { FUNDING_POLICIES } from '../funding/funding-catalog';
import { FUNDING_CATEGORY_IDS } from '../funding/grant-terms';
import { LEDGER_FUNDING_RULES } from '../funding/ledger-funding-rules';
import { EVALUATION_WINDOW_MONTHS, LEDGER_INTERPRETATIONS, NO_FUTURE_FACTS } from '../ledger-interpretations';
import { LEDGER_INTERPRETATIONS_ZH } from '../ledger-interpretations.zh';
import { LIFECYCLE_RULES } from '../lifecycle-rules';
import { nmg2022Zone } from '../nmg-2022-zone';
import { INTERPRETATION_RULE_TEXTS, POLICY_RULES, RULE_CATALOGUE, ruleTextOf } from './rule-catalogue';
import { RULE_TITLES_ZH } from './rule-titles.zh';

const DOMAIN = join(__dirname, '..', '..');
const ids = (refs: ReadonlyArray<RuleRef | undefined>): string[] =>
  refs.flatMap((ref) => (ref === undefined ? [] : [ref.rule]));

function consortiumPolicyRules(): Array<[string, string]> {
  return CONSORTIUM_POLICY_IDS.flatMap((id) => {
    const policy = consortiumPolicy(id);
    const { name, lead, members } = fileConsortium(id).data;
    const governance = { council: true, expertCommittee: true, secretariat: true, managementBody: true };
    const application = { name, lead, members, governance, agreementSigned: true, integrityCommitment: true };
    const { evaluation } = policy;
    const refs = [
      policy.inForce,
      policy.leadClaim,
      ...Object.values(policy.params),
      ...policy.waivable,
      ...Object.values(policy.procedure),
      policy.onLeadChange,
      policy.onRename,
      evaluation,
      evaluation.cycleYears,
      evaluation.aspects,
      evaluation.delistAfterConsecutiveUnqualified,
      policy.annualReport,
      policy.annualReport?.dueMonthDay,
      ...policy.eligibility(application, policy.inForce.from),
    ];
    return ids(refs).map((rule): [string, string] => [rule, `${id} (parameters, procedure, eligibility, waivable)`]);
  });
}

function fundingRules(): Array<[string, string]> {
  return FUNDING_POLICIES.flatMap((funding) => {
    const refs = [
      funding.inForce,
      funding.termination,
      funding.projectChange,
      ...Object.values(funding.params),
      ...funding.categories.flatMap((category) => [category.grantRule, ...Object.values(category.params)]),
    ];
    return ids(refs).map((rule): [string, string] => [rule, `${funding.policy} funding`]);
  });
}

/**
 * Rule ids written as literals in the domain's production code: specs, fixtures, test helpers and the catalogue's own
 * rows aside.
 */
function literalRuleIds(): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (path !== __dirname && name !== 'testing') walk(path);
      } else if (name.endsWith('.ts') && !/\.(spec|fixtures)\.ts$/.test(name)) {
        for (const match of readFileSync(path, 'utf8').matchAll(
          /'((?:nmg|zone|luzhou|liaoning|tianjin|ledger|lifecycle)\.[a-z0-9-]+)'/g,
        )) {
          found.push([match[1], relative(DOMAIN, path)]);
        }
      }
    }
  };
  walk(DOMAIN);
  // Funding categories are ids of their own (liaoning.operating is granted under liaoning.operating-funds).
  return found.filter(([id]) => !(FUNDING_CATEGORY_IDS as ReadonlyArray<string>).includes(id));
}

/** Every rule id in use, with where it is used. */
function usedRules(): Map<string, string> {
  const used: Array<[string, string]> = [
    ...consortiumPolicyRules(),
    ...fundingRules(),
    ...Object.values(LEDGER_FUNDING_RULES).map((ref): [string, string] => [
      typeof ref === 'string' ? ref : ref.rule,
      'LEDGER_FUNDING_RULES',
    ]),
    ...Object.keys(LIFECYCLE_RULES).map((name): [string, string] => [`lifecycle.${name}`, 'LIFECYCLE_RULES']),
    ...Object.values(LEDGER_INTERPRETATIONS).flatMap((entry) =>
      [entry.id, ...entry.rules].map((rule): [string, string] => [rule, `LEDGER_INTERPRETATIONS ${entry.id}`]),
    ),
    [EVALUATION_WINDOW_MONTHS.rule, 'EVALUATION_WINDOW_MONTHS'],
    [NO_FUTURE_FACTS.rule, 'NO_FUTURE_FACTS'],
    ...ids([nmg2022Zone.inForce, ...Object.values(nmg2022Zone.params)]).map((rule): [string, string] => [
      rule,
      'nmg-2022-zone',
    ]),
    ...literalRuleIds(),
  ];
  return new Map(used);
}

describe('the rule catalogue', () => {
  const used = usedRules();

  it('has a row for every rule id the ledger uses', () => {
    const missing = [...used].filter(([rule]) => !ruleTextOf(rule)).map(([rule, where]) => `${rule} (${where})`);
    expect(missing).toEqual([]);
  });

  it('uses every row, or the row says why it is text only; a used row is not marked text only', () => {
    const unused = RULE_CATALOGUE.filter((row) => !used.has(row.rule) && !row.textOnly).map((row) => row.rule);
    expect(unused).toEqual([]);
    const implemented = RULE_CATALOGUE.filter((row) => row.textOnly && used.has(row.rule)).map(
      (row) => `${row.rule} is used by ${used.get(row.rule)}: remove its textOnly`,
    );
    expect(implemented).toEqual([]);
  });

  it('has one row per rule id, each with a clause and a text', () => {
    const rules = RULE_CATALOGUE.map((row) => row.rule);
    expect(rules.filter((rule, i) => rules.indexOf(rule) !== i)).toEqual([]);
    for (const row of RULE_CATALOGUE) {
      expect(row.citation).not.toBe('');
      expect(row.text).toMatch(/^\S.{8,}$/s);
    }
  });

  it('gives every row a Chinese title, and titles no rule it lacks', () => {
    const rules = RULE_CATALOGUE.map((row) => row.rule);
    expect(rules.filter((rule) => !/\p{Script=Han}/u.test(RULE_TITLES_ZH[rule] ?? ''))).toEqual([]);
    expect(Object.keys(RULE_TITLES_ZH).filter((rule) => !rules.includes(rule))).toEqual([]);
  });

  it('says every Ledger interpretation in Chinese too: its text, and what it replaced where it replaced a reading', () => {
    const han = /\p{Script=Han}/u;
    for (const entry of Object.values(LEDGER_INTERPRETATIONS)) {
      const zh = LEDGER_INTERPRETATIONS_ZH[entry.id];
      expect([entry.id, han.test(zh?.text ?? '')]).toEqual([entry.id, true]);
      expect([entry.id, han.test(zh?.replaces ?? '')]).toEqual([entry.id, 'replaces' in entry]);
    }
    const ids: string[] = Object.values(LEDGER_INTERPRETATIONS).map((entry) => entry.id);
    expect(Object.keys(LEDGER_INTERPRETATIONS_ZH).filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('states every Ledger interpretation as a rule cited to its catalogue version', () => {
    expect(INTERPRETATION_RULE_TEXTS).toContainEqual({
      rule: 'ledger.no-future-facts',
      citation: NO_FUTURE_FACTS.citation,
      text: LEDGER_INTERPRETATIONS.noFutureFacts.text,
    });
  });

  it.each(Object.entries(POLICY_RULES))("%s: every rule id of its own is in the policy's rows", (policy, rows) => {
    const prefix = policy === 'nmg-2022-zone' ? 'zone.' : `${policy.split('-')[0]}.`;
    const own = RULE_CATALOGUE.filter((row) => row.rule.startsWith(prefix) && !INTERPRETATION_RULE_TEXTS.includes(row));
    expect(own.filter((row) => !rows.includes(row)).map((row) => row.rule)).toEqual([]);
  });
});
