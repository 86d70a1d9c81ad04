import { INestApplication, LogLevel, Type, DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export interface LedgerAppOptions {
  title: string;
  description: string;
  logger?: LogLevel[] | false;
}

/** A Nest app with the OpenAPI description at /docs (JSON at /docs-json). */
export async function createLedgerApp(
  root: Type<unknown> | DynamicModule,
  options: LedgerAppOptions,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(root, { logger: options.logger ?? ['error', 'warn'] });
  // A filing may list up to 1000 member units; Express's default 100 kB would cut it short.
  app.useBodyParser('json', { limit: '2mb' });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion('1')
      .addBearerAuth()
      .addGlobalParameters({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'On a POST: the same key with the same body answers the first answer again and records nothing new; with another body, 422 idempotency-key-reused.',
      })
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  return app;
}

/**
 * On SIGTERM or SIGINT: stop taking requests, let queued appends commit and the projections finish their batch
 * (`app.close()` runs every shutdown hook), then exit 0.
 */
export function closeOnSignals(app: INestApplication): void {
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: closing the ledger`);
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void close('SIGTERM'));
  process.once('SIGINT', () => void close('SIGINT'));
}
