import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IntegerProperty, ObjectProperty, PositionProperty, TimestampProperty } from './api-properties';

/** One event a command recorded, with the rule and citation behind it (decision-summary.ts). */
export class DecisionDto {
  @ApiProperty({ example: 'ConsortiumFiled' }) type!: string;
  @ApiPropertyOptional() rule?: string;
  @ApiPropertyOptional() citation?: string;
  @ApiPropertyOptional({ description: 'subsidy commands: the funding boundary it moved' }) boundary?: string;
  @ApiPropertyOptional({ description: 'subsidy commands: the unit an integrity record names' }) creditCode?: string;
}

/** A rule's verdict: eligibility, approval checks. */
export class RuleVerdictDto {
  @ApiProperty({ example: 'liaoning.members-min' }) rule!: string;
  @ApiProperty() ok!: boolean;
  @ApiProperty() citation!: string;
  @ApiPropertyOptional() detail?: string;
}

/** The paging of a list: `{ items, total, limit, offset }`. */
export class PageDto {
  @IntegerProperty({ minimum: 0 }) total!: number;
  @IntegerProperty({ minimum: 1, maximum: 1000 }) limit!: number;
  @IntegerProperty({ minimum: 0 }) offset!: number;
}

/** A list that pages by cursor too: `next`, when there may be a next page, is what `cursor` takes to read it. */
export class CursorPageDto extends PageDto {
  @ApiPropertyOptional({ description: 'pass it as `cursor` (same filters) for the page after this one' }) next?: string;
}

/** One entry of an audit trail. */
export class AuditEntryDto {
  @PositionProperty() position!: number;
  @ApiProperty({ example: 'ConsortiumFiled' }) type!: string;
  @TimestampProperty() recordedAt!: string;
  @ApiProperty() actor!: string;
  @ObjectProperty({ description: 'the event as recorded, money as yuan' }) data!: object;
  @ApiPropertyOptional() rule?: string;
  @ApiPropertyOptional() citation?: string;
  @ApiPropertyOptional({ description: 'the state as of this event' }) asOfHref?: string;
}

/** An audit trail: every event of one stream. */
export class AuditTrailDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: [AuditEntryDto] }) events!: AuditEntryDto[];
}
