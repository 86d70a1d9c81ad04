import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  EVENT_DATA_SCHEMA,
  IntegerProperty,
  JsonValueProperty,
  SchemaProperty,
  PositionProperty,
  TimestampProperty,
} from '@ledger/platform';
import { MomentViewDto } from './as-of.view.dto';
import { ConsortiumDetailDto } from './consortium.view.dto';
import { SubsidyDetailDto } from './subsidy.view.dto';
import { ZoneDetailDto } from './zone.view.dto';

/**
 * Replay, diff and as-of as the OpenAPI document describes them (apps/projection/src/replay: replay.answers.ts,
 * timeline.ts, view-diff.ts), alike for consortia, subsidies and zones.
 */

/** One event of an entity's life and the entity right after it (timeline.ts). */
export class ReplayStepDto {
  @IntegerProperty({ minimum: 1, description: '1 for the entity’s first event' }) step!: number;
  @PositionProperty() position!: number;
  @IntegerProperty({ minimum: 0, description: 'its revision in the stream' }) revision!: number;
  @ApiProperty({ example: 'ConsortiumFiled' }) type!: string;
  @TimestampProperty() recordedAt!: string;
  @ApiProperty() actor!: string;
  @ApiProperty() correlationId!: string;
  @ApiProperty() causationId!: string;
  @ApiProperty() commandId!: string;
  @ApiProperty({ description: 'the policy catalogue version it was decided under' }) catalogue!: string;
  @ApiPropertyOptional() rule?: string;
  @ApiPropertyOptional() citation?: string;
  @SchemaProperty(EVENT_DATA_SCHEMA) data!: object;
  @ApiProperty({ description: 'the as-of view at its position' }) asOfHref!: string;
  @ApiProperty({
    description: 'the entity right after it, as `GET /v1/{collection}/{id}` shows it',
    anyOf: [ConsortiumDetailDto, SubsidyDetailDto, ZoneDetailDto].map((dto) => ({ $ref: getSchemaPath(dto) })),
  })
  state!: object;
}

/** `GET …/replay` without `at`: every step. */
export class ReplayTimelineDto {
  @ApiProperty() id!: string;
  @ApiProperty() streamId!: string;
  @ApiProperty({ type: [ReplayStepDto] }) steps!: ReplayStepDto[];
}

/** `GET …/replay?at=`: the one step then, with links to the steps before and after it. */
export class ReplayMomentDto extends MomentViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() streamId!: string;
  @IntegerProperty({ minimum: 1, description: 'how many steps there are' }) steps!: number;
  @ApiProperty({ type: ReplayStepDto }) step!: ReplayStepDto;
  @ApiPropertyOptional({ description: 'the replay of the step before' }) previous?: string;
  @ApiPropertyOptional({ description: 'the replay of the step after' }) next?: string;
}

/** One end of a diff: the moment asked for and the entity's last event by then (null before its first). */
export class DiffEndDto extends MomentViewDto {
  @PositionProperty({ nullable: true }) position!: number | null;
  @TimestampProperty({ nullable: true }) recordedAt!: string | null;
}

export class DiffEventDto {
  @IntegerProperty({ minimum: 1 }) step!: number;
  @PositionProperty() position!: number;
  @ApiProperty() type!: string;
  @TimestampProperty() recordedAt!: string;
  @ApiProperty() actor!: string;
  @ApiPropertyOptional() rule?: string;
  @ApiPropertyOptional() citation?: string;
  @ApiProperty() asOfHref!: string;
}

/** One field that differs: `from` absent when added, `to` when removed. */
export class FieldChangeDto {
  @ApiProperty({ example: 'members[2].creditCode', description: 'the field’s path in the view' }) field!: string;
  @ApiProperty({ enum: ['added', 'removed', 'changed'] }) change!: string;
  @JsonValueProperty({ optional: true, description: 'the value before' }) from?: unknown;
  @JsonValueProperty({ optional: true, description: 'the value after' }) to?: unknown;
}

/** `GET …/diff?from=&to=`. */
export class DiffDto {
  @ApiProperty() id!: string;
  @ApiProperty() streamId!: string;
  @ApiProperty({ type: DiffEndDto }) from!: DiffEndDto;
  @ApiProperty({ type: DiffEndDto }) to!: DiffEndDto;
  @ApiProperty({ type: [DiffEventDto], description: 'the events that made the changes' }) events!: DiffEventDto[];
  @ApiProperty({ type: [FieldChangeDto] }) changes!: FieldChangeDto[];
}
