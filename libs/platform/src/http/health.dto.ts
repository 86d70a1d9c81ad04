import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** GET /health: the status, the log head and how far the read models have got. */
export class HealthDto {
  @ApiProperty({ example: 'ok' }) status!: string;
}

/** GET /health/live and /health/ready: terminus' shape, 200 or 503. */
export class HealthCheckDto {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] }) status!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) info?: object;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) error?: object;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: object;
}
