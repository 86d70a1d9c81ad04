import { LEDGER_INTERPRETATIONS } from '@ledger/domain/policies/ledger-interpretations';
import { LEDGER_INTERPRETATIONS_ZH } from '@ledger/domain/policies/ledger-interpretations.zh';
import { POLICY_READINGS_ZH } from '@ledger/domain/policies/policy-readings.zh';
import { Sentence } from '@ledger/domain/shared/sentence';

/** Each interpretation's id by its English text (the first, where two read alike). */
const INTERPRETATION_IDS_BY_TEXT = new Map(
  Object.values(LEDGER_INTERPRETATIONS)
    .reverse()
    .map((entry) => [entry.text, entry.id]),
);

/**
 * The Chinese of a reading of the policy catalogue (an interpretation's English text): a dated interpretation's own
 * Chinese (ledger-interpretations.zh.ts), else the catalogue's reading (policy-readings.zh.ts); undefined when neither
 * has it.
 */
export function chineseReading(text: string): string | undefined {
  const id = INTERPRETATION_IDS_BY_TEXT.get(text);
  return (id !== undefined ? LEDGER_INTERPRETATIONS_ZH[id]?.text : undefined) ?? POLICY_READINGS_ZH[text];
}

/**
 * A catalogue reading where a view shows it beside a decision (a grant's cap): words the one renderer says in the
 * answer's language — its English text is its key, its Chinese the catalogue's (render-words.ts asks chineseReading).
 */
export const catalogueReading = (text: string): Sentence => ({ say: text, with: [] });
