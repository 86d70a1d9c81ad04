import pino from 'pino';
import pinoPretty from 'pino-pretty';

let destination: pino.DestinationStream | undefined;

/**
 * Where every log line goes: one JSON object a line on stdout, for whatever collects it; on a terminal, pino-pretty's
 * readable lines instead. One per process, shared by every app in it (and by nestjs-pino's logger outside requests).
 */
export function logDestination(): pino.DestinationStream {
  destination ??= process.stdout.isTTY
    ? pinoPretty({ sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' })
    : pino.destination(1);
  return destination;
}
