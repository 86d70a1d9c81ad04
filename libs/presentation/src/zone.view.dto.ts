import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DateProperty,
  DecisionDto,
  IntegerProperty,
  ObjectProperty,
  PageDto,
  PositionProperty,
} from '@ledger/platform';
import { ZONE_STATUSES } from '@ledger/domain/zone/zone.state';

/** The answers about demonstration zones as the OpenAPI document describes them (zone.view.ts, zone-answer.ts). */
const RD_INTENSITY = { type: 'string', pattern: '^\\d+(\\.\\d+)?$', example: '0.0093' } as const;

/** What every zone command answers. */
export class ZoneAnswerDto {
  @ApiProperty() id!: string;
  @ApiProperty() policy!: string;
  @ApiProperty() name!: string;
  @DateProperty() approvedOn!: string;
  @ApiProperty({ enum: ZONE_STATUSES }) status!: string;
  @IntegerProperty({ optional: true, description: 'an annual report: its year' }) year?: number;
  @DateProperty({ optional: true }) submittedOn?: string;
  @DateProperty({ optional: true }) due?: string;
  @ApiPropertyOptional() late?: boolean;
  @ApiPropertyOptional() corrected?: boolean;
  @ApiPropertyOptional() passed?: boolean;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } }) findings?: object[];
  @ObjectProperty({ optional: true }) evaluation?: object;
  @DateProperty({ optional: true }) rectificationUntil?: string;
  @ApiProperty() recommendedForNational!: boolean;
  @ObjectProperty({ optional: true }) removed?: object;
  @ApiProperty({ type: [DecisionDto] }) decisions!: DecisionDto[];
  @PositionProperty() position!: number;
}

/** One zone as GET /v1/zones/{id} shows it. */
export class ZoneViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() policy!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ZONE_STATUSES }) status!: string;
  @DateProperty() approvedOn!: string;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'by year' }) reports!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) evaluations!: object[];
  @DateProperty({ optional: true }) rectificationUntil?: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) rectifications!: object[];
  @ApiProperty() recommendedForNational!: boolean;
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'date' } }) recommendedForNationalOn!: string[];
  @ObjectProperty({ optional: true }) removed?: object;
}

export class ZoneSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() policy!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ZONE_STATUSES }) status!: string;
  @DateProperty() approvedOn!: string;
  @DateProperty({ optional: true }) rectificationUntil?: string;
  @ApiProperty() recommendedForNational!: boolean;
  @ObjectProperty({ optional: true }) removed?: object;
  @IntegerProperty({ optional: true }) lastReportYear?: number;
  @ObjectProperty({ optional: true }) lastEvaluation?: object;
}

export class ZonePageDto extends PageDto {
  @ApiProperty({ type: [ZoneSummaryDto] }) items!: ZoneSummaryDto[];
}

/** A region's average R&D intensity for a year, as a fraction of 1. */
export class RegionalAverageViewDto {
  @IntegerProperty() year!: number;
  @ApiProperty(RD_INTENSITY) rdIntensity!: string;
  @ApiPropertyOptional() source?: string;
}

export class RegionalAverageAnswerDto extends RegionalAverageViewDto {
  @ApiPropertyOptional({ ...RD_INTENSITY, description: 'the average this one replaces' }) replaced?: string;
  @ApiProperty({ type: [DecisionDto] }) decisions!: DecisionDto[];
  @PositionProperty() position!: number;
}

export class RegionalAveragePageDto extends PageDto {
  @ApiProperty({ type: [RegionalAverageViewDto] }) items!: RegionalAverageViewDto[];
}
