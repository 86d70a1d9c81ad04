import { join } from 'node:path';
import { listOf, say, titleOf } from '@ledger/domain/shared/sentence';
import { renderSentence, renderSentences } from './render-words';
import { saidTemplates } from './said-templates';
import { SENTENCES_ZH } from './sentences.zh';

const ROOT = join(__dirname, '../../../..');
const said = saidTemplates([join(ROOT, 'libs'), join(ROOT, 'apps')]);
const placeholders = (template: string) => new Set(template.match(/\{\d+\}/g) ?? []);
const CJK = /[\u4e00-\u9fff]/;

describe('the sentence catalogue', () => {
  it('finds the sentences the code says', () => expect(said.size).toBeGreaterThan(250));

  it.each([...said.entries()])('has Chinese for %j (%s)', (key) => {
    const zh = SENTENCES_ZH[key];
    expect(zh).toEqual(expect.any(String));
    // Every value the Chinese names is one the English template has (it may leave one out: "rule"/"rules").
    for (const p of placeholders(zh)) expect(placeholders(key)).toContain(p);
  });

  it('holds no Chinese for a sentence nobody says', () =>
    expect(Object.keys(SENTENCES_ZH).filter((key) => !said.has(key))).toEqual([]));
});

describe('rendering a sentence', () => {
  const sentence = say`subsidy ${'S-1'} does not exist`;

  it('renders English as the template reads, values in place', () =>
    expect(renderSentence(sentence, 'en')).toBe('subsidy S-1 does not exist'));

  it('renders Chinese from the catalogue, values in place', () =>
    expect(renderSentence(sentence, 'zh')).toBe('补助S-1不存在'));

  it('renders nested sentences, numbers, lists and rule titles in the same language', () => {
    const nested = say`approval refused: ${1} unmet ${say`rule`}: ${titleOf('liaoning.mengzhu')}`;
    expect(renderSentence(nested, 'zh')).toBe('批准被拒绝：1项规则未满足：“盟主”为在辽宁注册运营的独立法人企业');
    expect(renderSentence(listOf([say`is required`, 'as recorded']), 'zh')).toBe('为必填项；as recorded');
    expect(renderSentence(listOf([say`is required`, 'as recorded']), 'en')).toBe('is required; as recorded');
  });

  it('renders a key the catalogue does not know (an older wording) in English', () =>
    expect(renderSentence({ say: 'an older wording of {0}', with: ['S-1'] }, 'zh')).toBe('an older wording of S-1'));

  it('renders every sentence of an answer, copying only what holds one', () => {
    const shared = { id: 'C-1', list: [1, 2] };
    const answer = { shared, checks: [{ rule: 'r', detail: say`is required` }, { detail: 'recorded text' }] };
    const rendered = renderSentences(answer, 'zh');
    expect(rendered).toEqual({ shared, checks: [{ rule: 'r', detail: '为必填项' }, { detail: 'recorded text' }] });
    expect(rendered.shared).toBe(shared);
    expect(answer.checks[0].detail).toEqual(say`is required`);
    expect(CJK.test(JSON.stringify(rendered))).toBe(true);
  });
});
