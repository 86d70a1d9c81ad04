import { Module } from '@nestjs/common';
import { FoldedStreamsModule } from '../replay/folded-streams.module';
import { ConsortiaHttpController } from './consortia.http.controller';

@Module({ imports: [FoldedStreamsModule], controllers: [ConsortiaHttpController] })
export class ConsortiaQueryModule {}
