import { LEDGER_INTERPRETATIONS } from '@ledger/domain/policies/ledger-interpretations';
import { PARAMETER_DESCRIPTIONS_ZH } from '@ledger/domain/policies/parameter-descriptions.zh';
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
