import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateProperty, IntegerProperty, PositionProperty, YuanProperty } from '@ledger/platform';
import { CONSORTIUM_POLICY_IDS } from '@ledger/domain/shared/policy-ids';
import { RunningCapDto } from './funding.view.dto';

/** GET /v1/dashboard and /v1/dashboard/caps as the OpenAPI document describes them (apps/projection/src/dashboard). */
export class StatusCountDto {
  @ApiProperty() policy!: string;
  @ApiProperty() status!: string;
  @IntegerProperty({ minimum: 0 }) count!: number;
}

export class TargetDto {
  @IntegerProperty({ minimum: 0 }) count!: number;
  @DateProperty() by!: string;
  @ApiProperty({ enum: ['about', 'at-least'] }) reading!: string;
}

export class ChainCountDto {
  @ApiProperty() chain!: string;
  @IntegerProperty({ minimum: 0 }) count!: number;
  @ApiProperty() met!: boolean;
}

export class ChainCoverageDto {
  @ApiProperty() rule!: string;
  @ApiProperty() citation!: string;
  @ApiProperty() description!: string;
  @IntegerProperty({ minimum: 0 }) perChainMin!: number;
  @ApiProperty({ type: [ChainCountDto] }) items!: ChainCountDto[];
}

export class TargetProgressDto {
  @ApiProperty({ enum: CONSORTIUM_POLICY_IDS }) policy!: string;
  @ApiProperty() rule!: string;
  @ApiProperty() citation!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: TargetDto }) target!: TargetDto;
  @IntegerProperty({ minimum: 0, description: 'active consortia under the policy now' }) count!: number;
  @ApiPropertyOptional({ type: ChainCoverageDto, description: 'where the policy counts consortia by key chain' })
  chains?: ChainCoverageDto;
}

export class MoneyByYearDto {
  @ApiProperty({ enum: CONSORTIUM_POLICY_IDS }) policy!: string;
  @IntegerProperty() fiscalYear!: number;
  @YuanProperty() granted!: string;
  @YuanProperty() cancelled!: string;
  @YuanProperty() disbursed!: string;
  @YuanProperty() clawedBack!: string;
  @YuanProperty() refunded!: string;
}

/** One deadline: a consortium's, a zone's or a grant's waiting for its second signature (`subject` says which). */
export class DeadlineDto {
  @ApiProperty({ enum: ['consortium', 'zone', 'subsidy'] }) subject!: string;
  @ApiProperty({ example: 'annual-report', description: 'notice-end, evaluation, annual-report, …, second-signature' })
  kind!: string;
  @DateProperty() due!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() rule!: string;
  @ApiProperty() citation!: string;
  @ApiPropertyOptional({ description: 'consortium, subsidy' }) policy?: string;
  @ApiPropertyOptional({ description: 'consortium, subsidy' }) consortiumId?: string;
  @ApiPropertyOptional({ description: 'consortium' }) consortiumName?: string;
  @ApiPropertyOptional({ description: 'zone' }) zoneId?: string;
  @ApiPropertyOptional({ description: 'zone' }) zoneName?: string;
  @IntegerProperty({ optional: true, description: 'zone: the report year' }) year?: number;
  @ApiPropertyOptional({ description: 'subsidy' }) subsidyId?: string;
  @YuanProperty({ optional: true, description: 'subsidy' }) amount?: string;
  @ApiPropertyOptional({ description: 'subsidy: who granted it' }) maker?: string;
}

export class DeadlinesDto {
  @IntegerProperty() horizonDays!: number;
  @ApiProperty({ type: [DeadlineDto], description: 'the earliest `deadlinesLimit`, earliest first' })
  items!: DeadlineDto[];
  @IntegerProperty({
    minimum: 0,
    description: 'how many deadlines there are in all (grants waiting for a second signature included)',
  })
  total!: number;
}

export class DashboardDto {
  @DateProperty() today!: string;
  @PositionProperty() position!: number;
  @ApiProperty({ type: [StatusCountDto], description: 'counts by policy and status' }) consortia!: StatusCountDto[];
  @ApiProperty({ type: [StatusCountDto], description: 'counts by policy and status' }) zones!: StatusCountDto[];
  @ApiProperty({
    type: [TargetProgressDto],
    description: "each programme's target in force (chains under nmg-2024-consortium)",
  })
  targets!: TargetProgressDto[];
  @ApiProperty({ type: [MoneyByYearDto], description: 'by policy and fiscal year' }) money!: MoneyByYearDto[];
  @ApiProperty({ type: DeadlinesDto }) deadlines!: DeadlinesDto;
}

/** GET /v1/dashboard/caps: apart from the dashboard, because it folds the live grants' caps (it costs their number). */
export class DashboardCapsDto {
  @DateProperty() today!: string;
  @ApiProperty({ type: [RunningCapDto], description: 'the fullest running caps' }) caps!: RunningCapDto[];
}
