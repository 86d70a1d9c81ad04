import { Module } from '@nestjs/common';
import { ConsortiumReplayHttpController } from './consortium-replay.http.controller';
import { SubsidyReplayHttpController } from './subsidy-replay.http.controller';
import { ZoneReplayHttpController } from './zone-replay.http.controller';

/** Step-through replay and diffs of consortia, subsidies and zones, for supervisors. */
@Module({ controllers: [ConsortiumReplayHttpController, SubsidyReplayHttpController, ZoneReplayHttpController] })
export class ReplayQueryModule {}
