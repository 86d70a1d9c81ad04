import { Module } from '@nestjs/common';
import { FoldedStreams } from './folded-streams';

/** One FoldedStreams for every as-of answer (consortia, subsidies, zones): one fold kept per stream. */
@Module({ providers: [FoldedStreams], exports: [FoldedStreams] })
export class FoldedStreamsModule {}
