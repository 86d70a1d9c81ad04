import Negotiator from 'negotiator';

/** The languages the ledger speaks: Chinese, its users' (the default), and English on request. */
export type Language = 'zh' | 'en';

/**
 * The one choice of language for every answer that has words in both (the policy catalogue's rule titles, export
 * headers): Chinese unless `Accept-Language` prefers English to it (quality, then order, as negotiator weighs them).
 */
export function preferredLanguage(acceptLanguage: string | undefined): Language {
  const language = new Negotiator({ headers: { 'accept-language': acceptLanguage || 'zh' } }).language(['zh', 'en']);
  return language === 'en' ? 'en' : 'zh';
}
