import { ApiProperty, ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import {
  DateProperty,
  DecisionDto,
  IntegerProperty,
  CursorPageDto,
  PositionProperty,
  RuleVerdictDto,
  SchemaProperty,
  YuanProperty,
} from '@ledger/platform';
import { FUNDING_CATEGORY_IDS } from '@ledger/domain/policies/funding/grant-terms';
import { CONSORTIUM_POLICY_IDS } from '@ledger/domain/shared/policy-ids';
import { AsOfViewDto } from './as-of.view.dto';

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

export class TerminatedViewDto {
  @DateProperty() on!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() rule!: string;
  @ApiProperty() citation!: string;
}

/** After its consortium ended, the project's authority let it go on (ledger.project-change). */
export class ContinuationViewDto {
  @DateProperty() on!: string;
  @ApiProperty() authority!: string;
  @ApiProperty({ description: 'the document' }) reference!: string;
  @ApiProperty() rule!: string;
  @ApiProperty() citation!: string;
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
  @ApiPropertyOptional({ type: TerminatedViewDto }) terminated?: TerminatedViewDto;
  @ApiPropertyOptional({ type: ContinuationViewDto }) continuation?: ContinuationViewDto;
  @ApiPropertyOptional({ type: DualControlViewDto }) dualControl?: DualControlViewDto;
  @ApiPropertyOptional({ type: SignatureViewDto }) signed?: SignatureViewDto;
}

/** What every subsidy command answers. */
export class SubsidyAnswerDto extends SubsidyViewDto {
  @ApiProperty({ type: [DecisionDto] }) decisions!: DecisionDto[];
  @PositionProperty() position!: number;
}

/**
 * GET /v1/subsidies/{id} (subsidy-detail.view.ts): the subsidy, the rule its grant passed and its checks, every
 * movement; as of a moment, which moment.
 */
export class SubsidyDetailDto extends IntersectionType(SubsidyViewDto, AsOfViewDto) {
  @ApiPropertyOptional({ description: 'the rule the grant passed' }) rule?: string;
  @ApiPropertyOptional() citation?: string;
  @YuanProperty({ optional: true }) projectTotalInvestment?: string;
  @ApiPropertyOptional({ example: '2025' }) evaluationPeriod?: string;
  @ApiProperty({ type: [RuleVerdictDto], description: 'the rules the grant passed, with their clauses' })
  checks!: RuleVerdictDto[];
  @SchemaProperty({
    type: 'array',
    items: {
      type: 'object',
      required: ['type', 'position', 'recordedAt'],
      properties: {
        type: { type: 'string', example: 'SubsidyDisbursed' },
        position: { type: 'integer', minimum: 0 },
        recordedAt: { type: 'string', format: 'date-time' },
      },
      additionalProperties: { 'x-json-value': true },
    },
    description: '`{ type, position, recordedAt }` and the event’s data, money in yuan (the event catalogue types it)',
  })
  movements!: object[];
}

/** A subsidy in the list: who, what, when, and its money (the fields of its view that a list row shows). */
export class SubsidySummaryDto extends PickType(SubsidyViewDto, [
  'granted',
  'cancelled',
  'disbursed',
  'clawedBack',
  'refunded',
  'undisbursed',
  'receivable',
  'id',
  'status',
  'consortiumId',
  'policy',
  'category',
  'recipient',
  'fiscalYear',
  'grantedOn',
] as const) {}

export class SubsidyPageDto extends CursorPageDto {
  @ApiProperty({ type: [SubsidySummaryDto] }) items!: SubsidySummaryDto[];
}
