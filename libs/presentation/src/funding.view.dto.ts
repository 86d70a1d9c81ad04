import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateProperty, IntegerProperty, YuanProperty } from '@ledger/platform';
import { FUNDING_CATEGORY_IDS } from '@ledger/domain/policies/funding/grant-terms';
import { CONSORTIUM_POLICY_IDS } from '@ledger/domain/shared/policy-ids';
import { MoneyViewDto, SUBSIDY_STATUSES } from './subsidy.view.dto';

/**
 * The money answers that are not one subsidy, as the OpenAPI document describes them: GET /v1/funding/{creditCode},
 * GET /v1/reconciliation, the caps of GET /v1/dashboard/caps (apps/projection/src/funding, reconciliation, dashboard).
 */

/** A cap as it runs now (funding-caps.ts): `null` where the policy sets no number. */
export class RunningCapDto {
  @ApiProperty({ example: 'liaoning.mengzhu-annual-cap' }) rule!: string;
  @ApiProperty() citation!: string;
  @ApiProperty({ description: 'the funding boundary it counts', example: 'funding-91210100MA0000001G-2025' })
  scope!: string;
  @YuanProperty({ nullable: true }) limit!: string | null;
  @YuanProperty({ nullable: true }) used!: string | null;
  @YuanProperty({ nullable: true }) headroom!: string | null;
  @ApiProperty() detail!: string;
  @ApiPropertyOptional({ description: 'the Ledger interpretation the cap reads by' }) interpretation?: string;
}

/** One grant a unit received, with its money. */
export class FundingSubsidyDto extends MoneyViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() consortiumId!: string;
  @ApiProperty({ enum: CONSORTIUM_POLICY_IDS }) policy!: string;
  @ApiProperty({ enum: FUNDING_CATEGORY_IDS }) category!: string;
  @ApiProperty({ enum: ['lead', 'member'] }) recipientRole!: string;
  @DateProperty() grantedOn!: string;
  @ApiProperty({ enum: SUBSIDY_STATUSES }) status!: string;
}

export class FundingDto extends MoneyViewDto {
  @ApiProperty({ example: '91210100MA0000001G' }) creditCode!: string;
  @IntegerProperty() fiscalYear!: number;
  @ApiProperty({ type: [RunningCapDto], description: 'each cap now: limit, used, headroom' }) caps!: RunningCapDto[];
  @ApiProperty({ type: [FundingSubsidyDto] }) subsidies!: FundingSubsidyDto[];
}

/** One grant of the reconciliation. */
export class ReconciledSubsidyDto extends MoneyViewDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: CONSORTIUM_POLICY_IDS }) policy!: string;
  @IntegerProperty() fiscalYear!: number;
  @ApiProperty() consortiumId!: string;
  @ApiProperty({ example: '91210100MA0000001G' }) recipient!: string;
  @ApiProperty({ enum: FUNDING_CATEGORY_IDS }) category!: string;
  @DateProperty() grantedOn!: string;
  @ApiProperty({ enum: SUBSIDY_STATUSES }) status!: string;
}

export class ReconciliationTotalsDto extends MoneyViewDto {
  @IntegerProperty({ minimum: 0, description: 'how many grants' }) subsidies!: number;
}

export class ReconciliationDto {
  @IntegerProperty({ optional: true, nullable: true }) fiscalYear?: number | null;
  @ApiPropertyOptional({ enum: CONSORTIUM_POLICY_IDS, nullable: true }) policy?: string | null;
  @ApiProperty({ type: [ReconciledSubsidyDto] }) subsidies!: ReconciledSubsidyDto[];
  @ApiProperty({ type: ReconciliationTotalsDto }) totals!: ReconciliationTotalsDto;
  @ApiPropertyOptional({ example: 'liaoning-2021-alliance|21', description: "a scoped user's jurisdiction" })
  jurisdiction?: string;
}
