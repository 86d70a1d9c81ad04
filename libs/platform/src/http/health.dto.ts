import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IntegerProperty, PositionProperty, TimestampProperty } from './api-properties';

/**
 * The health answers as the OpenAPI document describes them (health.controller.ts builds them from one reading,
 * health/ledger-health.ts). `GET /health`: `HealthStatusDto` for anyone, `HealthDetailsDto` with a known token.
 */
const HEALTH_STATUSES = ['ok', 'degraded'];
const LINK_STATES = ['starting', 'running', 'standby', 'retrying', 'stopped'];

/** Projections' lag, the one figure of theirs anyone may see. */
export class ProjectionsLagDto {
  @IntegerProperty({ optional: true, minimum: 0, description: 'events the read models trail the log by' })
  lag?: number;
}

export class LinkLagDto {
  @IntegerProperty({ optional: true, minimum: 0, description: 'events not yet acknowledged by the broker' })
  lag?: number;
}

/** With Kafka: how far behind the relay and the change feed are. */
export class BusLagDto {
  @ApiPropertyOptional({ type: LinkLagDto }) relay?: LinkLagDto;
  @ApiPropertyOptional({ type: LinkLagDto }) changeFeed?: LinkLagDto;
}

/** `GET /health` without a (known) token: the status and the lag, nothing else. */
export class HealthStatusDto {
  @ApiProperty({ enum: HEALTH_STATUSES }) status!: string;
  @ApiPropertyOptional({ type: ProjectionsLagDto, description: 'apps with projections' })
  projections?: ProjectionsLagDto;
  @ApiPropertyOptional({ type: BusLagDto, description: 'with LEDGER_BUS=kafka' }) bus?: BusLagDto;
}

export class LogHeadDto {
  @PositionProperty({ description: 'the position of the last event of the log' }) headPosition!: number;
}

export class ProjectionFailureDto {
  @PositionProperty({ description: 'the event it fails on' }) position!: number;
  @ApiProperty() error!: string;
  @TimestampProperty() since!: string;
  @IntegerProperty({ minimum: 1 }) attempts!: number;
}

export class FailingProjectionDto {
  @ApiProperty({ example: 'zones' }) name!: string;
  @ApiProperty({ enum: ['running', 'retrying', 'stopped'] }) status!: string;
  @PositionProperty({ description: 'the log position it has processed (its checkpoint)' }) position!: number;
  @ApiPropertyOptional({ type: ProjectionFailureDto }) failure?: ProjectionFailureDto;
}

export class ProjectionsHealthDto {
  @PositionProperty({ description: 'the position every projection has processed' }) position!: number;
  @ApiProperty() running!: boolean;
  @IntegerProperty({ optional: true, minimum: 0 }) lag?: number;
  @ApiPropertyOptional({ type: [FailingProjectionDto], description: 'only while one is not running' })
  failing?: FailingProjectionDto[];
}

export class LinkFailureDto {
  @ApiProperty() error!: string;
  @TimestampProperty() since!: string;
  @IntegerProperty({ minimum: 1 }) attempts!: number;
}

/** One link between the ledger and Kafka (bus/bus-link.ts). */
export class BusLinkDto {
  @ApiProperty({ enum: LINK_STATES }) state!: string;
  @PositionProperty({ description: 'the last log position it has handed on' }) position!: number;
  @ApiPropertyOptional({ type: LinkFailureDto }) failure?: LinkFailureDto;
}

export class RelayLinkDto extends BusLinkDto {
  @IntegerProperty({ optional: true, minimum: 0 }) lag?: number;
  @IntegerProperty({ minimum: 0, description: 'LEDGER_READY_MAX_LAG' }) maxLag!: number;
}

export class ChangeFeedLinkDto extends BusLinkDto {
  @IntegerProperty({ minimum: 0 }) lag!: number;
}

export class BusHealthDto {
  @ApiPropertyOptional({ type: RelayLinkDto }) relay?: RelayLinkDto;
  @ApiPropertyOptional({ type: BusLinkDto }) consumer?: BusLinkDto;
  @ApiPropertyOptional({ type: ChangeFeedLinkDto }) changeFeed?: ChangeFeedLinkDto;
}

/** `GET /health` with a known token, of any role. */
export class HealthDetailsDto {
  @ApiProperty({ enum: HEALTH_STATUSES }) status!: string;
  @ApiProperty({ type: LogHeadDto }) log!: LogHeadDto;
  @ApiPropertyOptional({ type: ProjectionsHealthDto, description: 'apps with projections' })
  projections?: ProjectionsHealthDto;
  @ApiPropertyOptional({ type: BusHealthDto, description: 'with LEDGER_BUS=kafka' }) bus?: BusHealthDto;
}

/** The indicators of /health/live and /health/ready (health-indicators.ts), each `up` or `down` with what it read. */
class IndicatorDto {
  @ApiProperty({ enum: ['up', 'down'] }) status!: string;
}

class DownIndicatorDto extends IndicatorDto {
  @ApiPropertyOptional({ description: 'down: why' }) reason?: string;
}

export class ProcessIndicatorDto extends IndicatorDto {
  @IntegerProperty() pid!: number;
  @IntegerProperty({ minimum: 0 }) uptimeSeconds!: number;
}

export class EventStoreIndicatorDto extends IndicatorDto {
  @PositionProperty({
    optional: true,
    description: 'up, with a known token: the position of the last event of the log',
  })
  headPosition?: number;
  @ApiPropertyOptional({ description: 'down, with a known token: what the store said' }) error?: string;
}

export class ReadStoreIndicatorDto extends IndicatorDto {
  @ApiPropertyOptional({ description: 'down, with a known token: what the store said' }) error?: string;
}

export class ProjectionStateDto {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['running', 'retrying', 'stopped'] }) status!: string;
}

export class ProjectionsIndicatorDto extends DownIndicatorDto {
  @PositionProperty({ optional: true, description: 'with a known token: the position every projection has processed' })
  position?: number;
  @IntegerProperty({ nullable: true, minimum: 0, description: 'null: the log did not answer' }) lag!: number | null;
  @IntegerProperty({ minimum: 0, description: 'LEDGER_READY_MAX_LAG' }) maxLag!: number;
  @ApiPropertyOptional({ type: [ProjectionStateDto], description: 'those not running: names only, no errors' })
  failing?: ProjectionStateDto[];
}

export class LinkIndicatorDto extends DownIndicatorDto {
  @ApiProperty({ enum: LINK_STATES }) state!: string;
  @PositionProperty({ optional: true, description: 'with a known token' }) position?: number;
  @ApiPropertyOptional({ description: 'with a known token: the failure it retries, or the one that stopped it' })
  error?: string;
}

export class RelayIndicatorDto extends LinkIndicatorDto {
  @IntegerProperty({ nullable: true, minimum: 0, description: 'null: the log did not answer' }) lag!: number | null;
  @IntegerProperty({ minimum: 0, description: 'LEDGER_READY_MAX_LAG' }) maxLag!: number;
}

/** Terminus' map of indicators by name; an app has those of its parts (the command app: no read store). */
export class HealthIndicatorsDto {
  @ApiPropertyOptional({ type: ProcessIndicatorDto, description: '/health/live' }) process?: ProcessIndicatorDto;
  @ApiPropertyOptional({ type: EventStoreIndicatorDto }) eventStore?: EventStoreIndicatorDto;
  @ApiPropertyOptional({ type: ReadStoreIndicatorDto }) readStore?: ReadStoreIndicatorDto;
  @ApiPropertyOptional({ type: ProjectionsIndicatorDto }) projections?: ProjectionsIndicatorDto;
  @ApiPropertyOptional({ type: RelayIndicatorDto, description: 'the relay app, with LEDGER_BUS=kafka' })
  relay?: RelayIndicatorDto;
  @ApiPropertyOptional({ type: LinkIndicatorDto, description: 'a projection app, with LEDGER_BUS=kafka' })
  consumer?: LinkIndicatorDto;
}

/** GET /health/live and /health/ready: terminus' shape, 200 or 503. */
export class HealthCheckDto {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] }) status!: string;
  @ApiPropertyOptional({ type: HealthIndicatorsDto, description: 'the indicators up' }) info?: HealthIndicatorsDto;
  @ApiPropertyOptional({ type: HealthIndicatorsDto, description: 'the indicators down' }) error?: HealthIndicatorsDto;
  @ApiProperty({ type: HealthIndicatorsDto, description: 'every indicator' }) details!: HealthIndicatorsDto;
}
