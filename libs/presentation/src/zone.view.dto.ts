import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  DateProperty,
  DecisionDto,
  IntegerProperty,
  PageDto,
  PositionProperty,
  SchemaProperty,
  YuanProperty,
} from '@ledger/platform';
import { ZONE_STATUSES } from '@ledger/domain/zone/zone.state';
import { AsOfViewDto } from './as-of.view.dto';

/** The answers about demonstration zones as the OpenAPI document describes them (zone.view.ts, zone-answer.ts). */
const RD_INTENSITY = { type: 'string', pattern: '^\\d+(\\.\\d+)?$', example: '0.0093' } as const;

export class CycleDto {
  @IntegerProperty({ minimum: 1, description: '1 for the first cycle after the anchor' }) number!: number;
  @DateProperty() due!: string;
  @DateProperty() opens!: string;
}

export class ZoneEvaluationViewDto {
  @DateProperty() on!: string;
  @ApiProperty({ enum: ['excellent', 'qualified', 'unqualified'] }) grade!: string;
  @ApiProperty({ enum: ['cycle', 'during-rectification', 'rectification-end'] }) kind!: string;
  @ApiPropertyOptional({ type: CycleDto }) cycle?: CycleDto;
  @DateProperty({ optional: true }) nextDue?: string;
}

export class RemovedViewDto {
  @DateProperty() on!: string;
  @ApiProperty() rule!: string;
  @ApiProperty() citation!: string;
}

export class RectificationEndDto {
  @DateProperty() on!: string;
  @ApiProperty({ enum: ['rectified', 'removed'] }) outcome!: string;
  @DateProperty({ optional: true }) cycleAnchor?: string;
}

export class RectificationViewDto {
  @DateProperty() from!: string;
  @DateProperty() until!: string;
  @ApiPropertyOptional({ type: RectificationEndDto }) ended?: RectificationEndDto;
}

const INDICATOR_VALUE = {
  anyOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }],
  description: 'yuan, a decimal or a share as a string, a count as a number, yes-no as a boolean; null: none',
} as const;

/** One indicator of a report judged against its threshold (zone.view.ts findingView). */
export class FindingViewDto {
  @ApiProperty({ example: 'techContractTurnover' }) indicator!: string;
  @ApiProperty() rule!: string;
  @ApiProperty() citation!: string;
  @ApiProperty() ok!: boolean;
  @ApiPropertyOptional({ enum: [false], description: 'false: the rule could not be judged' }) assessed?: boolean;
  @SchemaProperty(INDICATOR_VALUE) threshold!: string | number | boolean | null;
  @SchemaProperty(INDICATOR_VALUE) value!: string | number | boolean | null;
  @ApiProperty({ enum: ['yuan', 'decimal', 'share', 'count', 'yes-no'] }) unit!: string;
  @ApiPropertyOptional({ enum: ['above'] }) comparison?: string;
  @ApiProperty() detail!: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'the parts a combined indicator was given in',
  })
  parts?: Record<string, number>;
}

const COUNT_OR_PARTS = {
  oneOf: [{ type: 'integer' }, { type: 'object', additionalProperties: { type: 'integer' } }],
  description: 'a count, or its parts as the report gave them',
} as const;

/** A report's indicators under the request's field names. */
export class ZoneIndicatorsViewDto {
  @YuanProperty() techContractTurnover!: string;
  @ApiProperty({ type: 'string', example: '1.60' }) highValuePatentsPer10k!: string;
  @SchemaProperty(COUNT_OR_PARTS) transferInstitutions!: number | object;
  @IntegerProperty() brokers!: number;
  @IntegerProperty() parkEnterprises!: number;
  @ApiProperty({ type: 'string', example: '0.35' }) hightechShare!: string;
  @ApiProperty({ type: 'string', example: '0.31' }) hightechRevenueShare!: string;
  @SchemaProperty(COUNT_OR_PARTS) financingInstitutions!: number | object;
  @IntegerProperty() incubatedEnterprises!: number;
  @ApiProperty() specialFund!: boolean;
  @YuanProperty({ optional: true }) rdSpending?: string;
  @YuanProperty({ optional: true }) parkGdp?: string;
  @IntegerProperty({ optional: true }) techContractCount?: number;
}

export class ZoneReportViewDto {
  @IntegerProperty() year!: number;
  @DateProperty() submittedOn!: string;
  @DateProperty() due!: string;
  @ApiProperty() late!: boolean;
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'date' } }) correctedOn!: string[];
  @ApiProperty() passed!: boolean;
  @ApiProperty({ type: ZoneIndicatorsViewDto }) indicators!: ZoneIndicatorsViewDto;
  @ApiProperty({ type: [FindingViewDto] }) findings!: FindingViewDto[];
}

export class ZoneDeadlineDto {
  @ApiProperty({ enum: ['annual-report', 'evaluation', 'rectification-end'] }) kind!: string;
  @IntegerProperty({ optional: true, description: 'annual reports: the year' }) year?: number;
  @DateProperty() due!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() rule!: string;
  @ApiProperty() citation!: string;
}

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
  @ApiPropertyOptional({ type: [FindingViewDto] }) findings?: FindingViewDto[];
  @ApiPropertyOptional({ type: ZoneEvaluationViewDto }) evaluation?: ZoneEvaluationViewDto;
  @DateProperty({ optional: true }) rectificationUntil?: string;
  @ApiProperty() recommendedForNational!: boolean;
  @ApiPropertyOptional({ type: RemovedViewDto }) removed?: RemovedViewDto;
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
  @ApiProperty({ type: [ZoneReportViewDto], description: 'by year' }) reports!: ZoneReportViewDto[];
  @ApiProperty({ type: [ZoneEvaluationViewDto] }) evaluations!: ZoneEvaluationViewDto[];
  @DateProperty({ optional: true }) rectificationUntil?: string;
  @ApiProperty({ type: [RectificationViewDto] }) rectifications!: RectificationViewDto[];
  @ApiProperty() recommendedForNational!: boolean;
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'date' } }) recommendedForNationalOn!: string[];
  @ApiPropertyOptional({ type: RemovedViewDto }) removed?: RemovedViewDto;
}

/** GET /v1/zones/{id}: the zone now with what it still owes, or as of a moment (without `nextDeadlines`). */
export class ZoneDetailDto extends IntersectionType(ZoneViewDto, AsOfViewDto) {
  @ApiPropertyOptional({ type: [ZoneDeadlineDto], description: 'now only: overdue and upcoming deadlines' })
  nextDeadlines?: ZoneDeadlineDto[];
}

export class ZoneSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() policy!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ZONE_STATUSES }) status!: string;
  @DateProperty() approvedOn!: string;
  @DateProperty({ optional: true }) rectificationUntil?: string;
  @ApiProperty() recommendedForNational!: boolean;
  @ApiPropertyOptional({ type: RemovedViewDto }) removed?: RemovedViewDto;
  @IntegerProperty({ optional: true }) lastReportYear?: number;
  @ApiPropertyOptional({ type: ZoneEvaluationViewDto }) lastEvaluation?: ZoneEvaluationViewDto;
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

/** A year's average in the list: with every value recorded for the year, oldest first. */
export class RegionalAverageListedDto extends RegionalAverageViewDto {
  @ApiProperty({ type: [String], description: 'every value recorded for the year, oldest first' }) revisions!: string[];
}

export class RegionalAverageAnswerDto extends RegionalAverageViewDto {
  @ApiPropertyOptional({ ...RD_INTENSITY, description: 'the average this one replaces' }) replaced?: string;
  @ApiProperty({ type: [DecisionDto] }) decisions!: DecisionDto[];
  @PositionProperty() position!: number;
}

export class RegionalAveragePageDto extends PageDto {
  @ApiProperty({ type: [RegionalAverageListedDto] }) items!: RegionalAverageListedDto[];
}
