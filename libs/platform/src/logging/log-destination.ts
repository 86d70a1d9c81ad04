import pino from 'pino';
import pinoPretty from 'pino-pretty';
import { LedgerLogLevel } from './log-level';

let destination: pino.DestinationStream | undefined;

/** On a terminal: one readable line per entry (method and url are in a request's message already). */
const prettyOptions = {
  sync: true,
  colorize: true,
  singleLine: true,
  translateTime: 'SYS:HH:MM:ss.l',
  ignore: 'pid,hostname,method,url',
};

/**
 * Where every log line goes: one JSON object a line on stdout, for whatever collects it; on a terminal, pino-pretty's
 * readable lines instead. One per process, shared by every app in it.
 *
 * Written asynchronously and in blocks: lines gather in a buffer and leave in one write once 4 KB have gathered, or
 * within 100 ms, instead of one blocking write a request. pino flushes the buffer when the process exits
 * (process.exit and uncaught exceptions included); only a SIGKILL could lose the last lines.
 */
export function logDestination(): pino.DestinationStream {
  destination ??= process.stdout.isTTY
    ? pinoPretty(prettyOptions)
    : pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 100 });
  return destination;
}

/** The app's logger: its request lines (request-log.ts) and Nest's own (LedgerLogger). */
export function ledgerPino(level: LedgerLogLevel, to: pino.DestinationStream = logDestination()): pino.Logger {
  return pino({ level }, to);
}
