import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  DateProperty,
  DecisionDto,
  IntegerProperty,
  CursorPageDto,
  PositionProperty,
  RuleVerdictDto,
  YuanProperty,
} from '@ledger/platform';
import { GRADES, REVIEW_STAGES } from '@ledger/domain/shared/procedure';
import { AsOfViewDto } from './as-of.view.dto';
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
  @IntegerProperty({ minimum: 0, description: 'its length in working days (0 for a calendar-day notice)' })
  workingDays!: number;
}

export class EndedViewDto {
  @DateProperty() on!: string;
  @ApiProperty() reason!: string;
  @ApiPropertyOptional() rule?: string;
  @ApiPropertyOptional() citation?: string;
}

export class GovernanceViewDto {
  @ApiProperty() council!: boolean;
  @ApiProperty() expertCommittee!: boolean;
  @ApiProperty() secretariat!: boolean;
  @ApiProperty() managementBody!: boolean;
}

export class ReviewViewDto {
  @ApiProperty({ enum: REVIEW_STAGES }) stage!: string;
  @ApiProperty({ enum: ['pass', 'fail'] }) outcome!: string;
  @DateProperty() on!: string;
  @ApiPropertyOptional() notes?: string;
}

export class ObjectionResolutionDto {
  @DateProperty() on!: string;
  @ApiProperty({ enum: ['upheld', 'dismissed'] }) outcome!: string;
}

export class ObjectionViewDto {
  @IntegerProperty({ minimum: 1, description: 'in the order recorded' }) n!: number;
  @DateProperty() on!: string;
  @ApiProperty() text!: string;
  @ApiPropertyOptional({ type: ObjectionResolutionDto }) resolution?: ObjectionResolutionDto;
}

export class EvaluationViewDto {
  @ApiProperty({ example: '2025' }) period!: string;
  @DateProperty() on!: string;
  @ApiProperty({ enum: GRADES }) grade!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'number' }, description: 'by aspect' })
  scores?: Record<string, number>;
  @IntegerProperty({ optional: true, minimum: 1, description: 'the evaluation cycle it was placed in' })
  cycle?: number;
}

export class AnnualReportViewDto {
  @IntegerProperty() year!: number;
  @DateProperty() submittedOn!: string;
  @ApiProperty() summary!: boolean;
  @ApiProperty() plan!: boolean;
  @DateProperty() dueOn!: string;
  @ApiProperty({ description: 'submitted by its due date (a late report is recorded with its check failed)' })
  onTime!: boolean;
}

export class WaiverViewDto {
  @ApiProperty() rule!: string;
  @ApiProperty() citation!: string;
  @DateProperty() on!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'the approving document' }) reference!: string;
  @ApiProperty() actor!: string;
  @ApiPropertyOptional({ description: 'a rule judging the lead: the lead it was granted for' }) lead?: string;
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
  @ApiProperty({ type: GovernanceViewDto }) governance!: GovernanceViewDto;
  @ApiPropertyOptional({ description: 'the key industrial chain (产业链) named at filing' }) chain?: string;
  @ApiProperty({ type: [RuleVerdictDto] }) eligibility!: RuleVerdictDto[];
  @ApiProperty({ type: [ReviewViewDto] }) reviews!: ReviewViewDto[];
  @ApiPropertyOptional({ type: NoticeViewDto }) notice?: NoticeViewDto;
  @ApiProperty({ type: [ObjectionViewDto] }) objections!: ObjectionViewDto[];
  @DateProperty({ optional: true }) approvedOn?: string;
  @ApiProperty({ type: [EvaluationViewDto] }) evaluations!: EvaluationViewDto[];
  @DateProperty({ optional: true }) nextEvaluationDueOn?: string;
  @ApiProperty({ type: [AnnualReportViewDto] }) annualReports!: AnnualReportViewDto[];
  @DateProperty({ description: 'the latest business date recorded' }) lastOn!: string;
  @ApiProperty({ type: [WaiverViewDto] }) waivers!: WaiverViewDto[];
  @ApiPropertyOptional({ type: EndedViewDto }) ended?: EndedViewDto;
}

/** GET /v1/consortia/{id}: the consortium now, or as of a moment. */
export class ConsortiumDetailDto extends IntersectionType(ConsortiumViewDto, AsOfViewDto) {}

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
