import { Controller, Get, HttpStatus, Inject, Req, Res, ServiceUnavailableException } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheckDto, HealthDto } from './health.dto';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { IncomingHttpHeaders } from 'node:http';
import { Public } from '../auth/auth.decorators';
import { TokenRegistry } from '../auth/token-registry';
import { readinessIndicators } from '../health/health-indicators';
import { HealthReading, LedgerHealth } from '../health/ledger-health';

/**
 * Three views of one health reading (health/ledger-health.ts): `/health` as it always was (the log head and how far
 * the read models have got), and for orchestrators `/health/live` and `/health/ready` in terminus' shape, 200 or 503.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(LedgerHealth) private readonly health: LedgerHealth,
    @Inject(HealthCheckService) private readonly checks: HealthCheckService,
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(TokenRegistry) private readonly tokens: TokenRegistry,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: HealthDto })
  @ApiOperation({
    operationId: 'getHealth',
    summary:
      'Liveness, the log head, how far the read models have got and, with Kafka, its links. No auth; with a known ' +
      'bearer token it also names each failing projection, its position and its error.',
  })
  async summary(@Req() request: { headers: IncomingHttpHeaders }) {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    const known = match !== null && this.tokens.principalFor(match[1]) !== undefined;
    return healthSummary(await this.health.read(), known);
  }

  @Public()
  @Get('live')
  @HealthCheck()
  @ApiOkResponse({ type: HealthCheckDto })
  @ApiOperation({ operationId: 'getLiveness', summary: 'The process runs and answers (no store is asked). No auth.' })
  live(@Res({ passthrough: true }) response: object): Promise<HealthCheckResult> {
    return this.answer(response, [
      () => this.indicators.check('process').up({ pid: process.pid, uptimeSeconds: Math.round(process.uptime()) }),
    ]);
  }

  @Public()
  @Get('ready')
  @HealthCheck()
  @ApiOkResponse({ type: HealthCheckDto })
  @ApiOperation({
    operationId: 'getReadiness',
    summary:
      'Ready for traffic: the event store answers, the read store answers (where the app has one), the projections ' +
      'run, none is stopped, and they trail the log by at most LEDGER_READY_MAX_LAG events. 503 otherwise. No auth.',
  })
  async ready(@Res({ passthrough: true }) response: object): Promise<HealthCheckResult> {
    const reading = await this.health.read({ pingReadStore: true });
    return this.answer(response, readinessIndicators(reading, this.indicators));
  }

  /** Terminus' result with its status: 200, or 503 with the same shape (not the ledger's error envelope). */
  private async answer(
    response: object,
    indicators: Parameters<HealthCheckService['check']>[0],
  ): Promise<HealthCheckResult> {
    try {
      return await this.checks.check(indicators);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      this.adapterHost.httpAdapter.status(response, HttpStatus.SERVICE_UNAVAILABLE);
      return error.getResponse() as HealthCheckResult;
    }
  }
}

/**
 * `/health`'s body, as it was before the readiness checks: status, the log head, the projections' progress; with
 * Kafka, each link's state and position (`degraded` while one retries or has stopped). Which projection fails, where
 * and why (`failing`: name, status, position, the failing event's position and error) only for a known token: an
 * error's text may name tables and paths.
 */
function healthSummary(reading: HealthReading, detailed: boolean) {
  if (!reading.log.reachable) {
    throw new ServiceUnavailableException({
      error: 'unavailable',
      message: `the event store did not answer: ${reading.log.error}`,
    });
  }
  const projections = reading.projections;
  const failing = projections?.failing ?? [];
  const links = Object.values(reading.bus ?? {});
  const troubled = links.some((link) => link.state === 'retrying' || link.state === 'stopped');
  return {
    status: failing.length > 0 || troubled ? 'degraded' : 'ok',
    log: { headPosition: reading.log.headPosition },
    ...(projections && {
      projections: {
        position: projections.position,
        running: projections.running,
        lag: projections.lag,
        ...(detailed && failing.length > 0 && { failing }),
      },
    }),
    ...(reading.bus && { bus: reading.bus }),
  };
}
