import { Module } from '@nestjs/common';
import { FoldedStreamsModule } from '../replay/folded-streams.module';
import { ZonesHttpController } from './zones.http.controller';

@Module({ imports: [FoldedStreamsModule], controllers: [ZonesHttpController] })
export class ZonesQueryModule {}
