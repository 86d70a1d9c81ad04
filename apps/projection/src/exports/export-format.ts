import Negotiator from 'negotiator';
import { ExportLanguage } from '@ledger/presentation/exports';
import { preferredMediaType } from '@ledger/platform';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MEDIA_TYPE = 'text/csv';

/** What a query answers: JSON first (an absent or `*\/*` Accept), then the two spreadsheets. */
export const EXPORT_MEDIA_TYPES = ['application/json', CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE];

export interface ExportRequest {
  format: 'csv' | 'xlsx';
  language: ExportLanguage;
}

/**
 * The one content negotiation of every export: `Accept` picks JSON, CSV or XLSX (quality, then specificity, then
 * order; a type the ledger does not give is answered as JSON), `Accept-Language` picks the headers' language (Chinese
 * unless English is preferred to it). Undefined: answer JSON.
 */
export function exportRequestOf(
  accept: string | undefined,
  acceptLanguage: string | undefined,
): ExportRequest | undefined {
  const type = preferredMediaType(accept, EXPORT_MEDIA_TYPES);
  if (type !== CSV_MEDIA_TYPE && type !== XLSX_MEDIA_TYPE) return undefined;
  const language = new Negotiator({ headers: { 'accept-language': acceptLanguage || 'zh' } }).language(['zh', 'en']);
  return { format: type === CSV_MEDIA_TYPE ? 'csv' : 'xlsx', language: language === 'en' ? 'en' : 'zh' };
}
