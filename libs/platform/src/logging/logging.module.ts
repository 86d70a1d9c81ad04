import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { LedgerLogger } from './ledger-logger';
import { logDestination } from './log-destination';
import { LedgerLogLevel } from './log-level';
import { requestLogOptions } from './request-log';

/** pino for everything the app logs, and pino-http for the one line each request gets. */
@Module({})
export class LoggingModule {
  static forRoot(level: LedgerLogLevel, destination: DestinationStream = logDestination()): DynamicModule {
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: [requestLogOptions(level), destination] })],
      providers: [LedgerLogger],
      exports: [LedgerLogger],
    };
  }
}
