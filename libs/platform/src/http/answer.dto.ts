import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EVENT_DATA_SCHEMA,
  IntegerProperty,
  SchemaProperty,
  PositionProperty,
  TimestampProperty,
} from './api-properties';

/** One event a command recorded, with the rule and citation behind it (decision-summary.ts). */
export class DecisionDto {
  @ApiProperty({ example: 'ConsortiumFiled' }) type!: string;
  @ApiPropertyOptional() rule?: string;
  @ApiPropertyOptional() citation?: string;
  @ApiPropertyOptional({ description: 'subsidy commands: the funding boundary it moved' }) boundary?: string;
  @ApiPropertyOptional({ description: 'subsidy commands: the unit an integrity record names' }) creditCode?: string;
}

/** The waiver on record that makes a failing rule pass (ledger.waivers). */
export class WaiverNoteDto {
  @ApiProperty({ description: 'the approving document' }) reference!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() actor!: string;
}

/** A rule's verdict: eligibility, approval checks. */
export class RuleVerdictDto {
  @ApiProperty({ example: 'liaoning.members-min' }) rule!: string;
  @ApiProperty() ok!: boolean;
  @ApiProperty() citation!: string;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional({ type: WaiverNoteDto, description: 'the rule failed and a waiver on record makes it pass' })
  waived?: WaiverNoteDto;
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

/** One entry of an audit trail (apps/projection/src/audit/audit-trail.ts). */
export class AuditEntryDto {
  @PositionProperty() position!: number;
  @ApiProperty({ example: 'consortium-c-liaoning-1' }) streamId!: string;
  @IntegerProperty({ minimum: 0, description: 'its revision in the stream' }) revision!: number;
  @ApiProperty({ example: 'ConsortiumFiled' }) type!: string;
  @TimestampProperty() recordedAt!: string;
  @ApiProperty() actor!: string;
  @ApiProperty() correlationId!: string;
  @ApiProperty() commandId!: string;
  @ApiProperty({ description: 'the policy catalogue version it was decided under' }) catalogue!: string;
  @SchemaProperty(EVENT_DATA_SCHEMA) data!: object;
  @ApiPropertyOptional() rule?: string;
  @ApiPropertyOptional() citation?: string;
  @ApiPropertyOptional({ description: 'the state as of this event' }) asOfHref?: string;
}

/** An audit trail: every event of one stream. */
export class AuditTrailDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: [AuditEntryDto] }) events!: AuditEntryDto[];
}
