import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DateProperty,
  DecisionDto,
  IntegerProperty,
  ObjectProperty,
  CursorPageDto,
  PositionProperty,
  RuleVerdictDto,
  YuanProperty,
} from '@ledger/platform';
import { CONSORTIUM_STATUSES } from '@ledger/domain/consortium/consortium.state';
import { CONSORTIUM_POLICY_IDS } from '@ledger/domain/shared/policy-ids';

/** The answers about consortia as the OpenAPI document describes them (consortium.view.ts, consortium-answer.ts). */
export class UnitViewDto {
  @ApiProperty({ example: '91210100MA0000001G' }) creditCode!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['enterprise', 'university', 'research-institute', 'other'] }) kind!: string;
  @YuanProperty({ optional: true }) rdExpense3y?: string;
  @YuanProperty({ optional: true }) revenue3y?: string;
  @YuanProperty({ optional: true }) rdExpenseLastYear?: string;
}

export class NoticeViewDto {
  @DateProperty() startsOn!: string;
  @DateProperty() endsOn!: string;
  @ApiProperty({ enum: ['working-days', 'calendar-days'] }) unit!: string;
  @IntegerProperty() days!: number;
  @ApiProperty() rule!: string;
  @ApiProperty() citation!: string;
}

export class EndedViewDto {
  @DateProperty() on!: string;
  @ApiProperty() reason!: string;
  @ApiPropertyOptional() rule?: string;
  @ApiPropertyOptional() citation?: string;
}

/** What every consortium command answers. */
export class ConsortiumAnswerDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: CONSORTIUM_STATUSES }) status!: string;
  @ApiProperty({ type: [RuleVerdictDto] }) eligibility!: RuleVerdictDto[];
  @ApiPropertyOptional({ type: NoticeViewDto }) notice?: NoticeViewDto;
  @DateProperty({ optional: true, description: "the public notice's last day" }) endsOn?: string;
  @ApiPropertyOptional({ type: EndedViewDto }) ended?: EndedViewDto;
  @DateProperty({ optional: true }) nextEvaluationDueOn?: string;
  @ApiProperty({ type: [DecisionDto] }) decisions!: DecisionDto[];
  @PositionProperty() position!: number;
}

/** One consortium as GET /v1/consortia/{id} shows it. */
export class ConsortiumViewDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: CONSORTIUM_POLICY_IDS }) policy!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CONSORTIUM_STATUSES }) status!: string;
  @DateProperty() filedOn!: string;
  @ApiProperty({ type: UnitViewDto }) lead!: UnitViewDto;
  @ApiProperty({ type: [UnitViewDto], description: 'excludes the lead' }) members!: UnitViewDto[];
  @ApiProperty() agreementSigned!: boolean;
  @ApiProperty() integrityCommitment!: boolean;
  @ObjectProperty() governance!: object;
  @ApiProperty({ type: [RuleVerdictDto] }) eligibility!: RuleVerdictDto[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) reviews!: object[];
  @ApiPropertyOptional({ type: NoticeViewDto }) notice?: NoticeViewDto;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) objections!: object[];
  @DateProperty({ optional: true }) approvedOn?: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) evaluations!: object[];
  @DateProperty({ optional: true }) nextEvaluationDueOn?: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) annualReports!: object[];
  @DateProperty({ description: 'the latest business date recorded' }) lastOn!: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) waivers!: object[];
  @ApiPropertyOptional({ type: EndedViewDto }) ended?: EndedViewDto;
}

export class UnitNameDto {
  @ApiProperty() creditCode!: string;
  @ApiProperty() name!: string;
}

export class ConsortiumSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: CONSORTIUM_POLICY_IDS }) policy!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CONSORTIUM_STATUSES }) status!: string;
  @DateProperty() filedOn!: string;
  @DateProperty({ optional: true }) approvedOn?: string;
  @ApiProperty({ type: UnitNameDto }) lead!: UnitNameDto;
  @IntegerProperty({ minimum: 1, description: 'the lead and the members' }) memberCount!: number;
  @ApiPropertyOptional({ type: EndedViewDto }) ended?: EndedViewDto;
}

export class ConsortiumPageDto extends CursorPageDto {
  @ApiProperty({ type: [ConsortiumSummaryDto] }) items!: ConsortiumSummaryDto[];
}
