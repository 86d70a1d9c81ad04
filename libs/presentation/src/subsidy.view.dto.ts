import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DateProperty,
  DecisionDto,
  IntegerProperty,
  ObjectProperty,
  CursorPageDto,
  PositionProperty,
  YuanProperty,
} from '@ledger/platform';
import { FUNDING_CATEGORY_IDS } from '@ledger/domain/policies/funding/grant-terms';
import { CONSORTIUM_POLICY_IDS } from '@ledger/domain/shared/policy-ids';

/** The answers about subsidies as the OpenAPI document describes them (subsidy.view.ts, subsidy-answer.ts). */
export const SUBSIDY_STATUSES = ['pending', 'granted', 'terminated', 'declined', 'expired'];

/** A cap as recorded on the grant; `null` where the policy sets no number. */
export class RecordedCapDto {
  @ApiProperty() rule!: string;
  @ApiProperty() citation!: string;
  @ApiProperty() scope!: string;
  @YuanProperty({ nullable: true }) limit!: string | null;
  @YuanProperty({ nullable: true }) usedBefore!: string | null;
  @YuanProperty({ nullable: true, description: 'with this grant counted' }) used!: string | null;
  @YuanProperty({ nullable: true, description: 'with this grant counted' }) headroom!: string | null;
  @ApiProperty() detail!: string;
  @ApiPropertyOptional({ description: 'the Ledger interpretation the cap reads by' }) interpretation?: string;
}

/** The five movements of money and what follows from them, yuan. */
export class MoneyViewDto {
  @YuanProperty() granted!: string;
  @YuanProperty() cancelled!: string;
  @YuanProperty() disbursed!: string;
  @YuanProperty() clawedBack!: string;
  @YuanProperty() refunded!: string;
  @YuanProperty({ description: 'granted − cancelled − disbursed' }) undisbursed!: string;
  @YuanProperty({ description: 'clawed back − refunded' }) receivable!: string;
}

export class DualControlViewDto {
  @YuanProperty() threshold!: string;
  @ApiProperty() maker!: string;
  @DateProperty() expiresOn!: string;
}

export class SignatureViewDto {
  @ApiProperty({ enum: ['approved', 'declined', 'expired'] }) outcome!: string;
  @DateProperty() on!: string;
  @ApiPropertyOptional() checker?: string;
  @ApiPropertyOptional() note?: string;
}

/** One subsidy as the queries and the commands show it. */
export class SubsidyViewDto extends MoneyViewDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: SUBSIDY_STATUSES }) status!: string;
  @ApiProperty() consortiumId!: string;
  @ApiProperty({ enum: CONSORTIUM_POLICY_IDS }) policy!: string;
  @ApiProperty({ enum: FUNDING_CATEGORY_IDS }) category!: string;
  @ApiProperty({ example: '91210100MA0000001G' }) recipient!: string;
  @ApiProperty({ enum: ['lead', 'member'] }) recipientRole!: string;
  @ApiProperty() responsibleUnit!: string;
  @IntegerProperty() fiscalYear!: number;
  @DateProperty() grantedOn!: string;
  @ApiPropertyOptional() projectId?: string;
  @ApiPropertyOptional() platformId?: string;
  @ApiProperty({ type: [RecordedCapDto] }) caps!: RecordedCapDto[];
  @ApiProperty({ type: [String], description: 'the funding boundaries the grant counts against' })
  boundaries!: string[];
  @ObjectProperty({ optional: true }) terminated?: object;
  @ObjectProperty({ optional: true }) continuation?: object;
  @ApiPropertyOptional({ type: DualControlViewDto }) dualControl?: DualControlViewDto;
  @ApiPropertyOptional({ type: SignatureViewDto }) signed?: SignatureViewDto;
}

/** What every subsidy command answers. */
export class SubsidyAnswerDto extends SubsidyViewDto {
  @ApiProperty({ type: [DecisionDto] }) decisions!: DecisionDto[];
  @PositionProperty() position!: number;
}

export class SubsidyPageDto extends CursorPageDto {
  @ApiProperty({ type: [SubsidyViewDto] }) items!: SubsidyViewDto[];
}
