/**
 * The one rendering of words in the language asked for: a sentence (libs/domain/src/shared/sentence.ts) worded as
 * libs/domain/src/shared/wording.ts words it, in English as its key reads (policies/rules/in-english.ts) or in Chinese
 * from the sentence catalogue (SENTENCES_ZH, by English key) and the rule titles. Text recorded before sentences
 * existed (an old event's English `detail`) renders as it is.
 */
import { ENGLISH } from '@ledger/domain/policies/rules/in-english';
import { RULE_TITLES_ZH } from '@ledger/domain/policies/rules/rule-titles.zh';
import { LIST_KEYS, Sentence, Words } from '@ledger/domain/shared/sentence';
import { Language, wordAll, Wording, wordSentence, wordWords } from '@ledger/domain/shared/wording';
import { chineseReading } from './catalogue-reading';
import { SENTENCES_ZH } from './sentences.zh';

export type { Language } from '@ledger/domain/shared/wording';

const CHINESE: Wording = {
  template: (key) => SENTENCES_ZH[key] ?? chineseReading(key),
  title: (rule) => RULE_TITLES_ZH[rule],
  separators: { [LIST_KEYS.semicolon]: '；', [LIST_KEYS.comma]: '、' },
};

const WORDINGS: Readonly<Record<Language, Wording>> = { zh: CHINESE, en: ENGLISH };

/** A rule's title: its Chinese title from the catalogue, or in English what the rule says (the row's `text`). */
export const ruleTitle = (rule: string, language: Language = 'zh'): string | undefined =>
  WORDINGS[language].title(rule);

/** A sentence in `language`; a key the catalogue does not know (an older wording) renders in English. */
export const renderSentence = (sentence: Sentence, language: Language): string =>
  wordSentence(sentence, WORDINGS[language]);

/** Words in `language`: a sentence rendered, recorded text as it is. */
export function renderWords(words: Words, language: Language): string;
export function renderWords(words: Words | undefined, language: Language): string | undefined;
export function renderWords(words: Words | undefined, language: Language): string | undefined {
  return wordWords(words, WORDINGS[language]);
}

/**
 * An answer with every sentence in it rendered in `language`, wherever it sits; copies only what holds a sentence
 * (answers shared between requests, cached views, are never changed).
 */
export const renderSentences = <T>(value: T, language: Language): T => wordAll(value, WORDINGS[language]);
