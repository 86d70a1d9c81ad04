import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateProperty, IntegerProperty, PositionProperty } from '@ledger/platform';
import { MoneyViewDto } from '@ledger/presentation/subsidy.view.dto';

/**
 * The answers of the queries that have no view DTO of their own in libs/presentation, as the OpenAPI document
 * describes them: the fields a client relies on, typed; nested reports as objects their operation's text describes.
 */
export class FundingDto extends MoneyViewDto {
  @ApiProperty({ example: '91210100MA0000001G' }) creditCode!: string;
  @IntegerProperty() fiscalYear!: number;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'each cap now: limit, used, headroom' })
  caps!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) subsidies!: object[];
}

export class DeadlinesDto {
  @IntegerProperty() horizonDays!: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'the earliest `deadlinesLimit`, earliest first',
  })
  items!: object[];
  @IntegerProperty({ minimum: 0, description: 'how many deadlines there are in all' }) total!: number;
}

export class DashboardDto {
  @DateProperty() today!: string;
  @PositionProperty() position!: number;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'counts by policy and status' })
  consortia!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'counts by policy and status' })
  zones!: object[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: "each programme's target in force (rule, citation, target, count; chains under nmg-2024-consortium)",
  })
  targets!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'by policy and fiscal year' })
  money!: object[];
  @ApiProperty({ type: DeadlinesDto }) deadlines!: DeadlinesDto;
}

/** GET /v1/dashboard/caps: apart from the dashboard, because it folds the live grants' caps (it costs their number). */
export class DashboardCapsDto {
  @ApiProperty({ example: '2030-12-31' }) today!: string;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'the fullest running caps: rule, citation, scope, limit, used, headroom, detail',
  })
  caps!: object[];
}

export class ReconciliationDto {
  @IntegerProperty({ optional: true, nullable: true }) fiscalYear?: number | null;
  @ApiPropertyOptional({ nullable: true }) policy?: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) subsidies!: object[];
  @ApiProperty({ type: MoneyViewDto }) totals!: MoneyViewDto;
  @ApiPropertyOptional({ example: 'liaoning-2021-alliance|21', description: "a scoped user's jurisdiction" })
  jurisdiction?: string;
}

export class PolicyDto {
  @ApiProperty({ example: 'nmg-2024-consortium' }) id!: string;
}

export class PolicyCatalogueDto {
  @ApiProperty({ type: [PolicyDto] }) items!: PolicyDto[];
}

/** A state replayed as of a moment, or two moments compared: the operation's text says which fields. */
export class ReplayDto {
  @ApiPropertyOptional() id?: string;
}
