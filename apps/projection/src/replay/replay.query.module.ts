import { Module } from '@nestjs/common';
import { REPLAY_CONTROLLERS } from './replay.http.controller';

/** Step-through replay and diffs of consortia, subsidies and zones, for supervisors. */
@Module({ controllers: REPLAY_CONTROLLERS })
export class ReplayQueryModule {}
