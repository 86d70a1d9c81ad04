import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { mkdirSync } from 'node:fs';
import { EventStore } from '@ledger/event-store';
import { AuthGuard } from './auth/auth.guard';
import { TokenRegistry } from './auth/token-registry';
import { CommandRunner } from './commands/command-runner';
import { LedgerConfig } from './config/ledger.config';
import { ledgerConfigModule, ledgerConfigProvider } from './config/ledger-config.module';
import { openEventStore } from './event-store/event-store.opener';
import { EVENT_STORE } from './event-store/event-store.tokens';
import { LedgerHealth } from './health/ledger-health';
import { ClosedQueryGuard } from './http/closed-query.guard';
import { PathTextGuard } from './http/path-text.guard';
import { LedgerExceptionFilter } from './http/ledger-exception.filter';
import { ledgerValidationPipe } from './http/ledger-validation.pipe';
import { RequestLabelGuard } from './http/request-label.guard';
import { IdempotencyGuard } from './idempotency/idempotency.guard';
import { IdempotencyKeys } from './idempotency/idempotency-keys';
import { openIdempotencyStore } from './idempotency/idempotency-store.opener';
import { IDEMPOTENCY_STORE, IdempotencyStore } from './idempotency/idempotency-store.port';

class PlatformCloser implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
  ) {}
  async onApplicationShutdown(): Promise<void> {
    await this.idempotency.close();
    await this.store.close();
  }
}

/**
 * What both apps stand on: configuration (@nestjs/config), the event store LEDGER_STORE names (the embedded SQLite
 * default, or PostgreSQL), bearer-token auth with roles, the error model, validation at the edge and Idempotency-Key
 * handling (its answers kept in the event store's database).
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    mkdirSync(config.dataDir, { recursive: true });
    return {
      module: PlatformModule,
      // Terminus' HealthCheckService for every app's HealthController (exported: this module is global).
      imports: [ledgerConfigModule(config), TerminusModule.forRoot({ errorLogStyle: 'json' })],
      providers: [
        ledgerConfigProvider,
        { provide: EVENT_STORE, useFactory: () => openEventStore(config.eventStore, config.followPollMs) },
        { provide: TokenRegistry, useFactory: () => TokenRegistry.fromConfig(config) },
        { provide: IDEMPOTENCY_STORE, useFactory: () => openIdempotencyStore(config) },
        CommandRunner,
        LedgerHealth,
        PlatformCloser,
        IdempotencyKeys,
        // Guards run in this order: the label first, so that a request refused by auth is still logged with its route;
        // the query string checked (closed, no repeats) and the path's parameters (text-problems.ts) before anything
        // acts on them; the Idempotency-Key once the actor is known.
        { provide: APP_GUARD, useClass: RequestLabelGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: ClosedQueryGuard },
        { provide: APP_GUARD, useClass: PathTextGuard },
        { provide: APP_GUARD, useClass: IdempotencyGuard },
        { provide: APP_FILTER, useClass: LedgerExceptionFilter },
        { provide: APP_PIPE, useFactory: ledgerValidationPipe },
      ],
      exports: [
        ledgerConfigProvider.provide,
        EVENT_STORE,
        TokenRegistry,
        CommandRunner,
        LedgerHealth,
        TerminusModule,
        IdempotencyKeys,
      ],
    };
  }
}
