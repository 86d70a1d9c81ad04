import { Controller, Get, Inject, Param, Query, Type } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { DiffDto, ReplayMomentDto, ReplayTimelineDto } from '@ledger/presentation/replay.view.dto';
import { EventStore } from '@ledger/event-store';
import { EVENT_STORE, Roles } from '@ledger/platform';
import { ScopedRecords } from '../shared/jurisdiction.guard';
import { optionalMoment } from './moment';
import { diffAnswer, replayAnswer } from './replay.answers';
import { DiffQuery, ReplayQuery } from './replay.query.dto';
import { CONSORTIUM_REPLAY, Replayable, SUBSIDY_REPLAY, ZONE_REPLAY } from './replayable';
import { DIFF_DESCRIPTION, REPLAY_DESCRIPTION } from './replay.descriptions';

/**
 * An entity's life step by step, and what changed between two moments (supervisors; from the event log):
 * `GET /v1/{collection}/{id}/replay` and `/diff`, the same for every replayable entity but for its names.
 */
function replayController(replayable: Replayable): Type {
  const { collection, noun } = replayable;
  const Noun = noun[0].toUpperCase() + noun.slice(1);

  @ApiTags(collection)
  @ApiBearerAuth()
  @Controller(`v1/${collection}`)
  @ScopedRecords(noun)
  @Roles('supervisor')
  class ReplayHttpController {
    constructor(@Inject(EVENT_STORE) readonly store: EventStore) {}

    @Get(':id/replay')
    @ApiExtraModels(ReplayTimelineDto, ReplayMomentDto)
    @ApiOkResponse({
      description: 'without `at`: `ReplayTimelineDto`; with `at`: `ReplayMomentDto`',
      schema: { oneOf: [{ $ref: getSchemaPath(ReplayTimelineDto) }, { $ref: getSchemaPath(ReplayMomentDto) }] },
    })
    @ApiOperation({
      operationId: `replay${Noun}`,
      summary: `Every event of the ${noun} in order, each with the ${noun} right after it.`,
      description: REPLAY_DESCRIPTION,
    })
    replay(@Param('id') id: string, @Query() query: ReplayQuery) {
      return replayAnswer(this.store, replayable, id, optionalMoment('at', query.at));
    }

    @Get(':id/diff')
    @ApiOkResponse({ type: DiffDto })
    @ApiOperation({
      operationId: `diff${Noun}`,
      summary: `What changed in the ${noun} between two moments, field by field.`,
      description: DIFF_DESCRIPTION,
    })
    diff(@Param('id') id: string, @Query() query: DiffQuery) {
      const { from, to } = query;
      return diffAnswer(this.store, replayable, id, optionalMoment('from', from), optionalMoment('to', to));
    }
  }
  // Nest names the controller in its logs and errors by its class.
  Object.defineProperty(ReplayHttpController, 'name', { value: `${Noun}ReplayHttpController` });
  return ReplayHttpController;
}

export const REPLAY_CONTROLLERS = [CONSORTIUM_REPLAY, SUBSIDY_REPLAY, ZONE_REPLAY].map((replayable) =>
  replayController(replayable),
);
