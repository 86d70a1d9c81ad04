import pino from 'pino';
import pinoPretty from 'pino-pretty';

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
 * readable lines instead. One per process, shared by every app in it (and by nestjs-pino's logger outside requests).
 */
export function logDestination(): pino.DestinationStream {
  destination ??= process.stdout.isTTY ? pinoPretty(prettyOptions) : pino.destination(1);
  return destination;
}
