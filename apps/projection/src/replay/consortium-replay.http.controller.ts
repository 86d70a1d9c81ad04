import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { DiffDto, ReplayMomentDto, ReplayTimelineDto } from '@ledger/presentation/replay.view.dto';
import { EventStore } from '@ledger/event-store';
import { EVENT_STORE, Roles } from '@ledger/platform';
import { ScopedRecords } from '../shared/jurisdiction.guard';
import { optionalMoment } from './moment';
import { diffAnswer, replayAnswer } from './replay.answers';
import { DiffQuery, ReplayQuery } from './replay.query.dto';
import { CONSORTIUM_REPLAY } from './replayable';
import { DIFF_DESCRIPTION, REPLAY_DESCRIPTION } from './replay.descriptions';

/** A consortium's life step by step, and what changed between two moments (supervisors; from the event log). */
@ApiTags('consortia')
@ApiBearerAuth()
@Controller('v1/consortia')
@ScopedRecords('consortium')
@Roles('supervisor')
export class ConsortiumReplayHttpController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':id/replay')
  @ApiExtraModels(ReplayTimelineDto, ReplayMomentDto)
  @ApiOkResponse({
    description: 'without `at`: `ReplayTimelineDto`; with `at`: `ReplayMomentDto`',
    schema: { oneOf: [{ $ref: getSchemaPath(ReplayTimelineDto) }, { $ref: getSchemaPath(ReplayMomentDto) }] },
  })
  @ApiOperation({
    operationId: 'replayConsortium',
    summary: 'Every event of the consortium in order, each with the consortium right after it.',
    description: REPLAY_DESCRIPTION,
  })
  replay(@Param('id') id: string, @Query() query: ReplayQuery) {
    return replayAnswer(this.store, CONSORTIUM_REPLAY, id, optionalMoment('at', query.at));
  }

  @Get(':id/diff')
  @ApiOkResponse({ type: DiffDto })
  @ApiOperation({
    operationId: 'diffConsortium',
    summary: 'What changed in the consortium between two moments, field by field.',
    description: DIFF_DESCRIPTION,
  })
  diff(@Param('id') id: string, @Query() query: DiffQuery) {
    const { from, to } = query;
    return diffAnswer(this.store, CONSORTIUM_REPLAY, id, optionalMoment('from', from), optionalMoment('to', to));
  }
}
