import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { OptionalQuery } from '../shared/optional-query.decorator';
import { QueryOptionsDto } from '../shared/query-options.dto';

const MOMENT =
  'a log position (12) or an ISO 8601 timestamp with its zone (2025-06-30T16:00:00Z) or a date (the end of that day, UTC+8); ' +
  'a moment still to come is taken now (a position past the last event: that event’s), as the answer says';

/**
 * Replay and diff read the event log itself, never a read model: `minPosition` (accepted as by every query) is always
 * met, since whatever position a client has seen is in the log.
 */
export class ReplayQuery extends QueryOptionsDto {
  @ApiPropertyOptional({ description: `one step: the last event at or before this moment, ${MOMENT}`, example: '12' })
  @OptionalQuery()
  @IsString()
  at?: string;
}

export class DiffQuery extends QueryOptionsDto {
  @ApiPropertyOptional({ description: `the earlier moment, ${MOMENT}; before the first event when absent` })
  @OptionalQuery()
  @IsString()
  from?: string;

  @ApiPropertyOptional({ description: `the later moment, ${MOMENT}; the latest event when absent` })
  @OptionalQuery()
  @IsString()
  to?: string;
}
