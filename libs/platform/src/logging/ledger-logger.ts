import { Injectable } from '@nestjs/common';
import { Logger } from 'nestjs-pino';

/** Nest's own start-up chatter: a line per module and per route, at `log`. */
const START_UP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

/**
 * Nest's logger, written by pino (nestjs-pino), except that Nest's start-up lines (some sixty of them) are debug, not
 * info: at the default level the log holds what the ledger did, not how Nest wired itself.
 */
@Injectable()
export class LedgerLogger extends Logger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    // Nest passes the context as the last parameter.
    const context = optionalParams[optionalParams.length - 1];
    if (typeof context === 'string' && START_UP_CONTEXTS.has(context)) super.debug(message, ...optionalParams);
    else super.log(message, ...optionalParams);
  }
}
