/**
 * The one rendering of words: a sentence (libs/domain/src/shared/sentence.ts) in the language asked for, from the
 * sentence catalogue (its English template is its key; SENTENCES_ZH holds the Chinese) and a rule's title from the
 * rule catalogue. Text recorded before sentences existed (an old event's English `detail`) renders as it is.
 */
import { ruleTextOf } from '@ledger/domain/policies/rules/rule-catalogue';
import { RULE_TITLES_ZH } from '@ledger/domain/policies/rules/rule-titles.zh';
import { isRuleTitle, isSentence, LIST_KEYS, Sentence, SentenceParam, Words } from '@ledger/domain/shared/sentence';
import { SENTENCES_ZH } from './sentences.zh';

/** The languages a view speaks: Chinese by default, English on request (`Accept-Language: en`). */
export type Language = 'zh' | 'en';

/** A rule's title: its Chinese title from the catalogue, or in English what the rule says (the row's `text`). */
export function ruleTitle(rule: string, language: Language = 'zh'): string | undefined {
  return language === 'zh' ? RULE_TITLES_ZH[rule] : ruleTextOf(rule)?.text;
}

const PLACEHOLDER = /\{(\d+)\}/g;
const SEPARATORS: Record<string, Record<Language, string>> = {
  [LIST_KEYS.semicolon]: { en: '; ', zh: '；' },
  [LIST_KEYS.comma]: { en: ', ', zh: '、' },
};

function renderParam(param: SentenceParam, language: Language): string {
  if (typeof param === 'string') return param;
  if (typeof param === 'number') return String(param);
  if (isRuleTitle(param)) return ruleTitle(param.titleOf, language) ?? param.titleOf;
  return renderSentence(param, language);
}

/**
 * A sentence in `language`: its template (the Chinese one, or the English key itself) with each `{i}` replaced by the
 * i-th value. A key the catalogue does not know (recorded under an older wording) renders in English.
 */
export function renderSentence(sentence: Sentence, language: Language): string {
  const values = sentence.with.map((param) => renderParam(param, language));
  const separator = SEPARATORS[sentence.say];
  if (separator) return values.join(separator[language]);
  const template = (language === 'zh' && SENTENCES_ZH[sentence.say]) || sentence.say;
  return template.replace(PLACEHOLDER, (_, i: string) => values[Number(i)] ?? '');
}

/** Words in `language`: a sentence rendered, recorded text as it is. */
export function renderWords(words: Words, language: Language): string;
export function renderWords(words: Words | undefined, language: Language): string | undefined;
export function renderWords(words: Words | undefined, language: Language): string | undefined {
  return words === undefined || typeof words === 'string' ? words : renderSentence(words, language);
}

const isPlain = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * An answer with every sentence in it rendered in `language`, wherever it sits (a rejection's `message`, a verdict's
 * `detail`, a field's `problems`). Copies only what holds a sentence: answers shared between requests (cached views)
 * are never changed, and an answer without sentences is returned as it is.
 */
export function renderSentences<T>(value: T, language: Language): T {
  if (typeof value !== 'object' || value === null) return value;
  if (isSentence(value)) return renderSentence(value, language) as T;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const rendered = renderSentences(value[i] as unknown, language);
      if (rendered !== value[i]) (copy ??= value.slice())[i] = rendered;
    }
    return (copy ?? value) as T;
  }
  if (!isPlain(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key];
    if (typeof field !== 'object' || field === null) continue;
    const rendered = renderSentences(field, language);
    if (rendered !== field) (copy ??= { ...(value as Record<string, unknown>) })[key] = rendered;
  }
  return (copy ?? value) as T;
}
