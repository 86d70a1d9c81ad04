import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { DecimalInteger } from '@ledger/platform';
import { OptionalQuery } from '../shared/optional-query.decorator';
import { PageQueryDto } from '../shared/query-options.dto';
import { ZONE_STATUSES, ZoneStatus } from '@ledger/domain/zone/zone.state';

export class ListZonesQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ZONE_STATUSES })
  @OptionalQuery()
  @IsIn(ZONE_STATUSES)
  status?: ZoneStatus;

  @ApiPropertyOptional({
    example: 2025,
    description:
      'zones with an evaluation due that year (zone.evaluation-cycle 六(四): the anniversary of approval every 3 years; ' +
      'zone.rectification 七(三): the end of a rectification period). A zone stays listed after it has been evaluated.',
  })
  @OptionalQuery()
  @DecimalInteger()
  @IsInt()
  @Min(2000)
  @Max(9999)
  dueInYear?: number;

  @ApiPropertyOptional({
    example: 2024,
    description:
      'zones that owed a report for that year (zone.annual-report-due 六(四)), whose due date (31 December) has passed, and sent none',
  })
  @OptionalQuery()
  @DecimalInteger()
  @IsInt()
  @Min(2000)
  @Max(9999)
  reportMissingFor?: number;
}
