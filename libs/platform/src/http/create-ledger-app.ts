import { INestApplication, LogLevel, Type, DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export interface LedgerAppOptions {
  title: string;
  description: string;
  logger?: LogLevel[] | false;
}

/** A Nest app with shutdown hooks and the OpenAPI description at /docs (JSON at /docs-json). */
export async function createLedgerApp(root: Type<unknown> | DynamicModule, options: LedgerAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create(root, { logger: options.logger ?? ['error', 'warn'] });
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion('1')
      .addBearerAuth()
      .addGlobalParameters({ name: 'Idempotency-Key', in: 'header', required: false, description: 'On a POST: the same key with the same body answers the first answer again and records nothing new; with another body, 422 idempotency-key-reused.' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  return app;
}
