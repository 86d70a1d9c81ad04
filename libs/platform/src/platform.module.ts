import {
  DynamicModule,
  Global,
  Inject,
  MiddlewareConsumer,
  Module,
  NestModule,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { mkdirSync } from 'node:fs';
import { EventStore, SqliteEventStore } from '@ledger/event-store';
import { AuthGuard } from './auth/auth.guard';
import { TokenRegistry } from './auth/token-registry';
import { CommandRunner } from './commands/command-runner';
import { RequestContextMiddleware } from './commands/request-context.middleware';
import { LEDGER_CONFIG, LedgerConfig } from './config/ledger.config';
import { EVENT_STORE } from './event-store/event-store.tokens';
import { LedgerExceptionFilter } from './http/ledger-exception.filter';
import { ledgerValidationPipe } from './http/ledger-validation.pipe';
import { RequestLabelGuard } from './http/request-label.guard';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';

class PlatformCloser implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(IdempotencyStore) private readonly idempotency: IdempotencyStore,
  ) {}
  async onApplicationShutdown(): Promise<void> {
    this.idempotency.close();
    await this.store.close();
  }
}

/**
 * What both apps stand on: configuration, the event store (the embedded SQLite default), bearer-token auth with
 * roles, the error model, validation at the edge and Idempotency-Key handling.
 */
@Global()
@Module({})
export class PlatformModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*');
  }

  static forRoot(config: LedgerConfig): DynamicModule {
    mkdirSync(config.dataDir, { recursive: true });
    return {
      module: PlatformModule,
      providers: [
        { provide: LEDGER_CONFIG, useValue: config },
        {
          provide: EVENT_STORE,
          useFactory: (): EventStore =>
            new SqliteEventStore({ file: config.eventsFile, pollIntervalMs: config.followPollMs }),
        },
        { provide: TokenRegistry, useFactory: () => TokenRegistry.fromConfig(config) },
        { provide: IdempotencyStore, useFactory: () => new IdempotencyStore(config.idempotencyFile) },
        CommandRunner,
        PlatformCloser,
        // Guards run in this order: the label first, so that a request refused by auth is still logged with its route.
        { provide: APP_GUARD, useClass: RequestLabelGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: LedgerExceptionFilter },
        { provide: APP_PIPE, useFactory: ledgerValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [LEDGER_CONFIG, EVENT_STORE, TokenRegistry, CommandRunner],
    };
  }
}
