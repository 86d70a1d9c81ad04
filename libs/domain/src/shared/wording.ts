/**
 * Putting sentences into words: the one rendering of a sentence (sentence.ts) in a language, given how that language
 * words things: its template for each English key, its rule titles and how it joins items in a row. The languages
 * themselves are elsewhere: English in the rule catalogue (policies/rules/in-english.ts, what decisions and the domain's
 * specs read), Chinese in libs/presentation/src/sentences (what answers speak by default).
 */
import { isRuleTitle, isSentence, Sentence, SentenceParam, Words } from './sentence';

/** The languages the ledger speaks: Chinese, its users' (the default), and English on request. */
export type Language = 'zh' | 'en';

export interface Wording {
  /** The language's template for a sentence's English key; undefined says it as the key reads. */
  template(key: string): string | undefined;
  /** A rule's title in the language. */
  title(rule: string): string | undefined;
  /** How the items of a row (listOf) are joined, by list key. */
  separators: Readonly<Record<string, string>>;
}

const PLACEHOLDER = /\{(\d+)\}/g;

function wordParam(param: SentenceParam, wording: Wording): string {
  if (typeof param === 'string') return param;
  if (typeof param === 'number') return String(param);
  if (isRuleTitle(param)) return wording.title(param.titleOf) ?? param.titleOf;
  return wordSentence(param, wording);
}

/**
 * A sentence in words: its template in the language (or the English key itself) with each `{i}` replaced by the i-th
 * value. A key the language does not know (recorded under an older wording) reads as its English key.
 */
export function wordSentence(sentence: Sentence, wording: Wording): string {
  const values = sentence.with.map((param) => wordParam(param, wording));
  const separator = wording.separators[sentence.say];
  if (separator !== undefined) return values.join(separator);
  const template = wording.template(sentence.say) || sentence.say;
  return template.replace(PLACEHOLDER, (_, i: string) => values[Number(i)] ?? '');
}

/** Words in a language: a sentence worded, recorded text as it is. */
export function wordWords(words: Words, wording: Wording): string;
export function wordWords(words: Words | undefined, wording: Wording): string | undefined;
export function wordWords(words: Words | undefined, wording: Wording): string | undefined {
  return words === undefined || typeof words === 'string' ? words : wordSentence(words, wording);
}

const isPlain = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * A value with every sentence in it worded, wherever it sits (a rejection's `message`, a verdict's `detail`, a
 * field's `problems`). Copies only what holds a sentence: values shared between requests (cached views) are never
 * changed, and a value without sentences is returned as it is.
 */
export function wordAll<T>(value: T, wording: Wording): T {
  if (typeof value !== 'object' || value === null) return value;
  if (isSentence(value)) return wordSentence(value, wording) as T;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const worded = wordAll(value[i] as unknown, wording);
      if (worded !== value[i]) (copy ??= value.slice())[i] = worded;
    }
    return (copy ?? value) as T;
  }
  if (!isPlain(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key];
    if (typeof field !== 'object' || field === null) continue;
    const worded = wordAll(field, wording);
    if (worded !== field) (copy ??= { ...(value as Record<string, unknown>) })[key] = worded;
  }
  return (copy ?? value) as T;
}
