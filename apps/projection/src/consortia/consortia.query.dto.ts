import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString } from 'class-validator';
import { OptionalQuery } from '../shared/optional-query.decorator';
import { CONSORTIUM_STATUSES } from '@ledger/domain/consortium/consortium.state';
import { CursorPageQueryDto, QueryOptionsDto } from '../shared/query-options.dto';
import { CONSORTIUM_POLICY_IDS } from '@ledger/domain/shared/policy-ids';

export class ListConsortiaQuery extends CursorPageQueryDto {
  @ApiPropertyOptional({ enum: CONSORTIUM_POLICY_IDS })
  @OptionalQuery()
  @IsIn(CONSORTIUM_POLICY_IDS)
  policy?: string;

  @ApiPropertyOptional({ enum: CONSORTIUM_STATUSES })
  @OptionalQuery()
  @IsIn(CONSORTIUM_STATUSES)
  status?: string;
}

export class ConsortiumDetailQuery extends QueryOptionsDto {
  @ApiPropertyOptional({
    description:
      'the state as the ledger knew it then (events recorded up to this moment); supervisor only. A date means the end of that day, UTC+8.',
    example: '2025-06-30T16:00:00Z',
  })
  @OptionalQuery()
  @IsString()
  asOf?: string;
}
