/**
 * English, the language sentences are keyed in: each template reads as its key, a rule's title is what the catalogue
 * says it means (the row's `text`), items in a row are joined by `; ` or `, `.
 */
import { LIST_KEYS } from '../../shared/sentence';
import { wordAll, Wording } from '../../shared/wording';
import { ruleTextOf } from './rule-catalogue';

export const ENGLISH: Wording = {
  template: () => undefined,
  title: (rule) => ruleTextOf(rule)?.text,
  separators: { [LIST_KEYS.semicolon]: '; ', [LIST_KEYS.comma]: ', ' },
};

/** A value with every sentence in it said in English (decisions and verdicts as the domain's specs state them). */
export const inEnglish = <T>(value: T): T => wordAll(value, ENGLISH);
