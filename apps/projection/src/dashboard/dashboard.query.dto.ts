import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { OptionalQuery } from '../shared/optional-query.decorator';
import { QueryOptionsDto } from '../shared/query-options.dto';

export class DashboardQuery extends QueryOptionsDto {
  @ApiPropertyOptional({ default: 90, description: 'how far ahead deadlines are listed (overdue ones always are)' })
  @OptionalQuery()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3660)
  horizonDays?: number;
}
