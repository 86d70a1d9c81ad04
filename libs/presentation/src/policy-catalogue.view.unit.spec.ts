import { LEDGER_INTERPRETATIONS } from '@ledger/domain/policies/ledger-interpretations';
import { PARAMETER_DESCRIPTIONS_ZH } from '@ledger/domain/policies/parameter-descriptions.zh';
import { POLICY_READINGS_ZH } from '@ledger/domain/policies/policy-readings.zh';
import { policyCatalogueView } from './policy-catalogue.view';

const HAN = /\p{Script=Han}/u;
const zh = policyCatalogueView('zh');
const en = policyCatalogueView('en');

/** Every description of a parameter or funding category, policy by policy, in the order of the view. */
const descriptions = (view: typeof zh): string[] =>
  view.items.flatMap((policy) => [
    ...policy.parameters.map((p) => p.description),
    ...(policy.funding?.parameters ?? []).map((p) => p.description),
    ...(policy.funding?.categoryDetails ?? []).map((c) => c.description),
  ]);

/** Every row's, parameter's and in-force date's own reading (`interpretation`), in the order of the view. */
const readings = (view: typeof zh): string[] =>
  [
    ...view.ledgerRules.map((row) => row.interpretation),
    ...view.items.flatMap((policy) => [
      policy.inForce.interpretation,
      ...policy.rules.map((row) => row.interpretation),
      ...policy.parameters.map((p) => p.interpretation),
      policy.funding?.inForce.interpretation,
      ...(policy.funding?.parameters ?? []).map((p) => p.interpretation),
    ]),
  ].filter((text): text is string => text !== undefined);

const dated = new Set(Object.values(LEDGER_INTERPRETATIONS).map((entry) => entry.text));

describe('the policy catalogue in Chinese (default) and English', () => {
  it('describes every parameter and funding category in Chinese, each from its English description', () => {
    const english = descriptions(en);
    expect(english.filter((text) => PARAMETER_DESCRIPTIONS_ZH[text] === undefined)).toEqual([]);
    expect(descriptions(zh)).toEqual(english.map((text) => PARAMETER_DESCRIPTIONS_ZH[text]));
    expect(descriptions(zh).every((text) => HAN.test(text))).toBe(true);
  });

  it('holds no Chinese description that nothing describes', () => {
    const english = new Set(descriptions(en));
    expect(Object.keys(PARAMETER_DESCRIPTIONS_ZH).filter((text) => !english.has(text))).toEqual([]);
  });

  it("says every row's and parameter's own reading in Chinese, each from its English text", () => {
    const english = readings(en);
    const own = english.filter((text) => !dated.has(text));
    expect(own.filter((text) => POLICY_READINGS_ZH[text] === undefined)).toEqual([]);
    expect(readings(zh).filter((text) => !HAN.test(text))).toEqual([]);
    expect(
      readings(zh).filter((text, at) => !dated.has(english[at]) && text !== POLICY_READINGS_ZH[english[at]]),
    ).toEqual([]);
    expect(Object.keys(POLICY_READINGS_ZH).filter((text) => !english.includes(text))).toEqual([]);
  });

  it('says every rule and every dated interpretation in Chinese, and in English on request', () => {
    const rules = (view: typeof zh) => [...view.ledgerRules, ...view.items.flatMap((policy) => policy.rules)];
    expect(rules(zh).filter((rule) => !HAN.test(rule.text) || rule.title !== rule.text)).toEqual([]);
    expect(zh.ledgerInterpretations.map((entry) => entry.id)).toEqual(
      en.ledgerInterpretations.map((entry) => entry.id),
    );
    expect(zh.ledgerInterpretations.every((entry) => HAN.test(entry.text))).toBe(true);
    expect(en.ledgerInterpretations.map((entry) => entry.text)).toEqual(
      Object.values(LEDGER_INTERPRETATIONS).map((entry) => entry.text),
    );
  });

  it('keeps the stable fields equal in both languages', () => {
    const stable = (view: typeof zh) =>
      view.items.map((policy) => ({
        id: policy.id,
        rules: policy.rules.map(({ rule, citation, waivable }) => ({ rule, citation, waivable })),
        parameters: policy.parameters.map(({ name, rule, citation, versions }) => ({ name, rule, citation, versions })),
      }));
    expect(stable(zh)).toEqual(stable(en));
  });
});
