/**
 * Words as facts: a decision, a verdict or an error says a sentence by its English template and the values it names,
 * and the view renders it in the language asked for (libs/presentation/src/sentences). Written as a tagged template,
 *   say`subsidy ${subsidyId} does not exist`  →  { say: 'subsidy {0} does not exist', with: ['S-1'] }
 * so the English template is the sentence's key, as gettext keys a message by its source text: the call site reads as
 * the sentence it says, English renders exactly as it always did, and a recorded key renders in English even after the
 * catalogue has moved on. A value may itself be a sentence (rendered in the same language) or a rule's title.
 */

/** A rule named by its title (its Chinese title from the catalogue, or its English `text`). */
export interface RuleTitleWords {
  titleOf: string;
}

export type SentenceParam = string | number | Sentence | RuleTitleWords;

export interface Sentence {
  /** The English template; `{0}`, `{1}`, … stand for the values in `with`. */
  say: string;
  with: SentenceParam[];
}

/** What a field of words holds: a sentence to render, or text as it is (events recorded before sentences). */
export type Words = string | Sentence;

const KEYS = new WeakMap<TemplateStringsArray, string>();

/** The template's key: its literal parts with `{i}` in place of the i-th value (computed once per call site). */
function keyOf(strings: TemplateStringsArray): string {
  let key = KEYS.get(strings);
  if (key === undefined) {
    key = strings.reduce((text, part, i) => (i === 0 ? part : `${text}{${i - 1}}${part}`), '');
    KEYS.set(strings, key);
  }
  return key;
}

export const isSentence = (value: unknown): value is Sentence =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Sentence).say === 'string' &&
  Array.isArray((value as Sentence).with);

export const isRuleTitle = (value: unknown): value is RuleTitleWords =>
  typeof value === 'object' && value !== null && typeof (value as RuleTitleWords).titleOf === 'string';

/** A value as a sentence holds it: a number, a sentence or a rule's title as it is, anything else as text. */
export const sentenceParam = (value: unknown): SentenceParam =>
  typeof value === 'number' || isSentence(value) || isRuleTitle(value) ? value : String(value);

/** A sentence by its English template and the values it names. */
export const say = (strings: TemplateStringsArray, ...values: unknown[]): Sentence => ({
  say: keyOf(strings),
  with: values.map(sentenceParam),
});

/** A rule by its title, inside a sentence: say`${titleOf('nmg.members-min')}`. */
export const titleOf = (rule: string): RuleTitleWords => ({ titleOf: rule });

/**
 * The keys of sentences in a row, rendered joined by the language's separator: `; ` or `, ` in English, `；` or `、`
 * in Chinese.
 */
export const LIST_KEYS = { semicolon: '{0}; {1}; …', comma: '{0}, {1}, …' } as const;

/** Sentences (or texts) in a row. */
export const listOf = (items: ReadonlyArray<Words>, by: keyof typeof LIST_KEYS = 'semicolon'): Sentence => ({
  say: LIST_KEYS[by],
  with: [...items],
});
