import Negotiator from 'negotiator';

import { Language } from '@ledger/domain/shared/wording';

export type { Language } from '@ledger/domain/shared/wording';

/**
 * The one choice of language for every answer that has words in both (the policy catalogue's rule titles, export
 * headers): Chinese unless `Accept-Language` prefers English to it (quality, then order, as negotiator weighs them).
 */
export function preferredLanguage(acceptLanguage: string | undefined): Language {
  const language = new Negotiator({ headers: { 'accept-language': acceptLanguage || 'zh' } }).language(['zh', 'en']);
  return language === 'en' ? 'en' : 'zh';
}
