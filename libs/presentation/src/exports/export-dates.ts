/**
 * Dates in exports. Business dates are calendar days (no time, no zone). Timestamps (`recordedAt`, ISO 8601 UTC) are
 * shown in China Standard Time, UTC+8, the time every reader of these sheets lives in — the headers say so.
 */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** "2025-10-12T03:04:05.678Z" → "2025-10-12 11:04:05" (UTC+8). */
export const timestampText = (iso: string): string =>
  new Date(Date.parse(iso) + CST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');

/**
 * A spreadsheet's date value: Excel keeps no zone, so the wall-clock time is stored as if it were UTC (what exceljs
 * converts to the serial number Excel shows): a business date at midnight, a timestamp at its UTC+8 clock time.
 */
export const dateCellOf = (date: string): Date => new Date(`${date}T00:00:00.000Z`);
export const timestampCellOf = (iso: string): Date => new Date(Date.parse(iso) + CST_OFFSET_MS);
