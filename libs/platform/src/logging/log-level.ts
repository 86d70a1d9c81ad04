import type { LogLevel } from '@nestjs/common';
import type { LevelWithSilent } from 'pino';

/** pino's levels, most verbose first, then `silent`. */
const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LedgerLogLevel = LevelWithSilent & (typeof LEVELS)[number];

/** `LOG_LEVEL` (default `info`): one of pino's levels, or `silent`. */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): LedgerLogLevel {
  const level = (env.LOG_LEVEL ?? '').trim().toLowerCase() || 'info';
  if (!(LEVELS as readonly string[]).includes(level)) {
    throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')}, not "${env.LOG_LEVEL}"`);
  }
  return level as LedgerLogLevel;
}

const FROM_NEST: Record<LogLevel, LedgerLogLevel> = {
  verbose: 'trace',
  debug: 'debug',
  log: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};

/** Nest's way of choosing levels (`['error', 'warn']`; false for none) as the pino level that lets the same through. */
export function logLevelFromNest(levels: LogLevel[] | false): LedgerLogLevel {
  if (levels === false) return 'silent';
  const chosen = levels.map((level) => LEVELS.indexOf(FROM_NEST[level]));
  return chosen.length === 0 ? 'silent' : LEVELS[Math.min(...chosen)];
}
