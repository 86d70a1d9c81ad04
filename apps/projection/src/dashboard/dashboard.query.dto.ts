import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { QueryOptionsDto } from '../shared/query-options.dto';

export class DashboardQuery extends QueryOptionsDto {
  @ApiPropertyOptional({ default: 90, description: 'how far ahead deadlines are listed (overdue ones always are)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3660)
  horizonDays?: number;
}
