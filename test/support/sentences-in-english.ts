/**
 * Specs written before sentences compare words as English text: a sentence (libs/domain/src/shared/sentence.ts) equals,
 * contains or matches text as its English rendering does (the one renderer, libs/presentation/src/sentences). So
 * `expect(rejection.message).toContain('…')` and `{ detail: '…' }` keep stating what the ledger says in English;
 * specs of the Chinese rendering render it themselves.
 */
import { isSentence } from '@ledger/domain/shared/sentence';
import { renderSentence } from '@ledger/presentation/sentences/render-words';

const english = (value: unknown): unknown => (isSentence(value) ? renderSentence(value, 'en') : value);

(expect as unknown as { addEqualityTesters(testers: unknown[]): void }).addEqualityTesters([
  (a: unknown, b: unknown) => {
    if (isSentence(a) && typeof b === 'string') return renderSentence(a, 'en') === b;
    if (isSentence(b) && typeof a === 'string') return renderSentence(b, 'en') === a;
    return undefined;
  },
]);

// Asymmetric matchers (expect.stringMatching, stringContaining, any(String)) see the English text.
for (const sample of [expect.stringMatching(/x/), expect.stringContaining('x'), expect.any(String)]) {
  const proto = Object.getPrototypeOf(sample) as { asymmetricMatch(other: unknown): boolean };
  const original = proto.asymmetricMatch;
  proto.asymmetricMatch = function (this: unknown, other: unknown) {
    return original.call(this, english(other));
  };
}

type Matcher = (this: jest.MatcherContext, received: unknown, ...rest: unknown[]) => jest.CustomMatcherResult;
const builtIn = (globalThis as unknown as Record<symbol, { matchers: Record<string, Matcher> }>)[
  Symbol.for('$$jest-matchers-object')
].matchers;
const onEnglish = (name: string): Matcher => {
  const original = builtIn[name];
  return function (this: jest.MatcherContext, received: unknown, ...rest: unknown[]) {
    return original.call(this, english(received), ...rest);
  };
};
expect.extend({ toBe: onEnglish('toBe'), toContain: onEnglish('toContain'), toMatch: onEnglish('toMatch') });
