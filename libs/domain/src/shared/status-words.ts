/**
 * A status inside a sentence ("consortium C-1 is already active"): in English its code, as the API's `status` fields
 * give it; in Chinese a word (已生效, 已解散, …) from the sentence catalogue. The `status` fields themselves stay codes.
 */
import { say, Sentence } from './sentence';

const STATUS_WORDS: Readonly<Record<string, Sentence>> = {
  // Consortia
  filed: say`filed`,
  'under-review': say`under-review`,
  'public-notice': say`public-notice`,
  active: say`active`,
  dissolved: say`dissolved`,
  delisted: say`delisted`,
  rejected: say`rejected`,
  withdrawn: say`withdrawn`,
  // Subsidies
  pending: say`pending`,
  granted: say`granted`,
  terminated: say`terminated`,
  declined: say`declined`,
  expired: say`expired`,
  // A pending grant's signature
  approved: say`approved`,
};

/** The status as a word of a sentence; a status without a word (none today) stays its code. */
export const statusWord = (status: string): Sentence | string => STATUS_WORDS[status] ?? status;
