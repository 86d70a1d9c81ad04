import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Min } from 'class-validator';
import { DecimalInteger } from '@ledger/platform';
import { OptionalQuery } from './optional-query.decorator';
import { QueryOptionsDto } from './query-options.dto';

/** What the detail of a consortium, a subsidy or a zone accepts: the state now, or as the ledger knew it then. */
export class AsOfQuery extends QueryOptionsDto {
  @ApiPropertyOptional({
    description:
      'the state as the ledger knew it then (events recorded up to this moment); supervisor only. A date means the end of that day, UTC+8. A moment later than now is taken now, and the answer’s asOf says when.',
    example: '2025-06-30T16:00:00Z',
  })
  @OptionalQuery()
  @IsString()
  asOf?: string;

  @ApiPropertyOptional({
    description:
      'the state right after the event at this log position (the exact step: one command may record several events at one timestamp); supervisor only. A position past the log’s last event is taken as that event’s, and the answer’s atPosition says which.',
    example: 12,
  })
  @OptionalQuery()
  @DecimalInteger()
  @IsInt({ message: 'atPosition must be a log position (an integer)' })
  @Min(0)
  atPosition?: number;
}
