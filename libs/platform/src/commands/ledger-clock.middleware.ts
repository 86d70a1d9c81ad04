import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import { LEDGER_CONFIG, LedgerConfig } from '../config/ledger.config';

const CLOCK = Symbol('ledgerClock');

/** Hands the configured clock to each request, so commands and queries never read the wall clock themselves. */
@Injectable()
export class LedgerClockMiddleware implements NestMiddleware {
  constructor(@Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {}
  use(request: any, _response: unknown, next: () => void): void {
    request[CLOCK] = this.config.clock;
    next();
  }
}

export function ledgerClockOf(request: any): () => Date {
  return request[CLOCK] ?? (() => new Date());
}
