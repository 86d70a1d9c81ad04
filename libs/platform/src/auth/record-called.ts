/**
 * A record by its noun and id, as a sentence ("subsidy S-1" → 补助S-1), for the 404s that name what was not found:
 * the noun is a word of the answer's language, the id stays as it is. One template per noun, so the sentence
 * catalogue (sentences.zh.ts) covers each.
 */
import { say, Sentence } from '@ledger/domain/shared/sentence';

export type RecordNoun = 'consortium' | 'subsidy' | 'zone' | 'policy' | 'reconciliation';

export function recordCalled(noun: RecordNoun, id: string): Sentence {
  switch (noun) {
    case 'consortium':
      return say`consortium ${id}`;
    case 'subsidy':
      return say`subsidy ${id}`;
    case 'zone':
      return say`zone ${id}`;
    case 'policy':
      return say`policy ${id}`;
    case 'reconciliation':
      return say`reconciliation ${id}`;
  }
}
