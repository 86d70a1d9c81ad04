import { Module } from '@nestjs/common';
import { StreamHttpController } from './stream.http.controller';

/** GET /v1/stream: the projections' change feed as server-sent events (the dashboard page's live updates). */
@Module({ controllers: [StreamHttpController] })
export class StreamModule {}
