import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI description of the app at /docs (JSON at /docs-json). */
export function serveOpenApi(app: INestApplication, options: { title: string; description: string }): void {
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
}
