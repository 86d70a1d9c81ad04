import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { CONSORTIUM_POLICY_IDS, CONSORTIUM_STATUSES } from '@ledger/domain/consortium/consortium.state';
import { PageQueryDto, QueryOptionsDto } from '../shared/query-options.dto';

export class ListConsortiaQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: CONSORTIUM_POLICY_IDS })
  @IsOptional()
  @IsIn(CONSORTIUM_POLICY_IDS)
  policy?: string;

  @ApiPropertyOptional({ enum: CONSORTIUM_STATUSES })
  @IsOptional()
  @IsIn(CONSORTIUM_STATUSES)
  status?: string;
}

export class ConsortiumDetailQuery extends QueryOptionsDto {
  @ApiPropertyOptional({
    description: 'the state as the ledger knew it then (events recorded up to this moment); supervisor only. A date means the end of that day, UTC+8.',
    example: '2025-06-30T16:00:00Z',
  })
  @IsOptional()
  @IsString()
  asOf?: string;
}
