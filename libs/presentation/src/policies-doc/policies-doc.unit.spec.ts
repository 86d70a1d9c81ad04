import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_CATALOGUE } from '@ledger/domain/policies/rules/rule-catalogue';
import { LIFECYCLE_CITATION } from '@ledger/domain/policies/lifecycle-rules';
import { isValidCreditCode } from '@ledger/domain/shared/credit-code';
import { policyCatalogueView } from '../policy-catalogue.view';
import { moneyText } from './parameter-values';
import { policyTextPath, renderPoliciesDoc } from './policies-doc';
import { CREDIT_CODE_EXAMPLES } from './policies-doc.prose';

const DOCS = join(__dirname, '..', '..', '..', '..', 'docs');
const doc = renderPoliciesDoc(policyCatalogueView('en'));
const headings = doc.split('\n').filter((line) => line.startsWith('#'));

describe('docs/POLICIES.md as rendered from the policy catalogue', () => {
  it('explains every rule id of the catalogue', () => {
    const missing = RULE_CATALOGUE.map((row) => row.rule).filter((rule) => !doc.includes(`\`${rule}\``));
    expect(missing).toEqual([]);
  });

  it('has the section recorded citations name: "POLICIES.md: Lifecycle shared by all consortium policies"', () => {
    expect(LIFECYCLE_CITATION).toBe('POLICIES.md: Lifecycle shared by all consortium policies');
    expect(headings).toContain('## Lifecycle shared by all consortium policies');
  });

  it('links each policy to its original text in docs/policies/', () => {
    for (const policy of policyCatalogueView('en').items) {
      expect(doc).toContain(`](${policyTextPath(policy.id)})`);
      expect(existsSync(join(DOCS, policyTextPath(policy.id)))).toBe(true);
    }
  });

  it('shows money in 亿元, 万元 or yuan, never in fen', () => {
    expect(moneyText('1000000.00')).toBe('100万元');
    expect(moneyText('100000000.00')).toBe('1亿元');
    expect(moneyText('1234.50')).toBe('1234.50 yuan');
    expect(moneyText(null)).toBe('no cap');
    expect(doc).toContain('| 2000万元 |');
    expect(doc).not.toMatch(/\| \d{9,} \|/);
  });

  it('marks the rules whose clause says 原则上 with the clause\'s words, and every other rule "no"', () => {
    expect(doc).toMatch(
      /\| `nmg.one-per-lead` \| .* \| yes, in the filing: 原则上一个牵头单位仅限牵头组建一个联合体 \|/,
    );
    expect(doc).toMatch(/\| `nmg.agreement` \| .* \| no \|/);
  });

  it('gives valid examples of the unified social credit code', () => {
    for (const example of CREDIT_CODE_EXAMPLES) expect(isValidCreditCode(example.code)).toBe(true);
  });
});
