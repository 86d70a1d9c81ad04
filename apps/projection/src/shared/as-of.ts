import { BadRequestException } from '@nestjs/common';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * `asOf` as an ISO UTC timestamp comparable with `recordedAt`. A timestamp needs its zone (Z or ±hh:mm);
 * a bare date means the end of that day in China Standard Time (UTC+8), when supervisors ask "on 30 June".
 */
export function parseAsOf(raw: string): string {
  const text = DATE_ONLY.test(raw) ? `${raw}T23:59:59.999+08:00` : raw;
  const time = TIMESTAMP.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(time)) {
    throw new BadRequestException({
      error: 'invalid-input',
      message: 'asOf must be an ISO 8601 timestamp with a zone (2025-06-30T16:00:00Z) or a date (2025-06-30)',
      details: [{ field: 'asOf', problems: ['must be an ISO 8601 timestamp with a zone, or a date'] }],
    });
  }
  return new Date(time).toISOString();
}
