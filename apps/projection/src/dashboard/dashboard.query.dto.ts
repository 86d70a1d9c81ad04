import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { DecimalInteger } from '@ledger/platform';
import { OptionalQuery } from '../shared/optional-query.decorator';
import { QueryOptionsDto } from '../shared/query-options.dto';

export class DashboardQuery extends QueryOptionsDto {
  @ApiPropertyOptional({ default: 90, description: 'how far ahead deadlines are listed (overdue ones always are)' })
  @OptionalQuery()
  @DecimalInteger()
  @IsInt()
  @Min(0)
  @Max(3660)
  horizonDays?: number;

  @ApiPropertyOptional({
    default: 100,
    maximum: 1000,
    description: 'how many deadlines are listed (the earliest); `deadlines.total` tells how many there are',
  })
  @OptionalQuery()
  @DecimalInteger()
  @IsInt()
  @Min(1)
  @Max(1000)
  deadlinesLimit?: number;
}
