import { Controller, Get, HttpStatus, Inject, Req, Res, ServiceUnavailableException } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { HealthCheckDto, HealthDetailsDto, HealthStatusDto } from './health.dto';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { IncomingHttpHeaders } from 'node:http';
import { Public } from '../auth/auth.decorators';
import { TokenRegistry } from '../auth/token-registry';
import { readinessIndicators } from '../health/health-indicators';
import { HealthReading, LedgerHealth } from '../health/ledger-health';

/**
 * Three views of one health reading (health/ledger-health.ts): `/health` (the status and the lag for anyone, the
 * details for a known token), and for orchestrators `/health/live` and `/health/ready` in terminus' shape, 200 or 503.
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
  @ApiExtraModels(HealthStatusDto, HealthDetailsDto)
  @ApiOkResponse({
    description:
      'Without a token (or with an unknown one) `HealthStatusDto`: the status and the lag alone. With a known bearer ' +
      'token, of any role, `HealthDetailsDto`: the log head, the projections and, with Kafka, its links.',
    schema: { oneOf: [{ $ref: getSchemaPath(HealthStatusDto) }, { $ref: getSchemaPath(HealthDetailsDto) }] },
  })
  @ApiOperation({
    operationId: 'getHealth',
    summary:
      'The status (ok, degraded) and how far the read models trail the log. No auth; with a known bearer token the ' +
      'details too: the log head, the projections’ position, each failing projection with its position and error, ' +
      'and with Kafka the state of each link.',
  })
  async summary(@Req() request: { headers: IncomingHttpHeaders }): Promise<HealthDetailsDto | HealthStatusDto> {
    return healthSummary(await this.health.read(), this.knownToken(request));
  }

  @Public()
  @Get('live')
  @HealthCheck({ swaggerDocumentation: false }) // its own loose schema would replace HealthCheckDto
  @ApiOkResponse({ type: HealthCheckDto })
  @ApiServiceUnavailableResponse({ type: HealthCheckDto, description: 'terminus’ shape: an indicator is down' })
  @ApiOperation({ operationId: 'getLiveness', summary: 'The process runs and answers (no store is asked). No auth.' })
  live(@Res({ passthrough: true }) response: object): Promise<HealthCheckResult> {
    return this.answer(response, [
      () => this.indicators.check('process').up({ pid: process.pid, uptimeSeconds: Math.round(process.uptime()) }),
    ]);
  }

  @Public()
  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false }) // its own loose schema would replace HealthCheckDto
  @ApiOkResponse({ type: HealthCheckDto })
  @ApiServiceUnavailableResponse({ type: HealthCheckDto, description: 'terminus’ shape: an indicator is down' })
  @ApiOperation({
    operationId: 'getReadiness',
    summary:
      'Ready for traffic: the event store answers, the read store answers (where the app has one), the projections ' +
      'run, none is stopped, and they trail the log by at most LEDGER_READY_MAX_LAG events. 503 otherwise. No auth; ' +
      'positions and the stores’ and links’ error texts only with a known bearer token.',
  })
  async ready(
    @Req() request: { headers: IncomingHttpHeaders },
    @Res({ passthrough: true }) response: object,
  ): Promise<HealthCheckResult> {
    const reading = await this.health.read({ pingReadStore: true });
    return this.answer(response, readinessIndicators(reading, this.indicators, this.knownToken(request)));
  }

  /** A bearer token the ledger knows, of any role: the details of a health reading are for its holder. */
  private knownToken(request: { headers: IncomingHttpHeaders }): boolean {
    return this.tokens.principalOfAuthorization(request.headers.authorization) !== undefined;
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
 * `/health`'s body. Anyone: the status and how far behind things are (`projections.lag`; with Kafka each link's
 * `lag`), nothing else (issue 10: the details need a token). With a known token, of any role, the details too: the
 * log head, the projections' position and whether they run, which projection fails, where and why (`failing`: name,
 * status, position, the failing event's position and error: an error's text may name tables and paths), and with Kafka
 * each link's state, position and failure (`degraded` while one retries or has stopped).
 */
function healthSummary(reading: HealthReading, detailed: boolean): HealthDetailsDto | HealthStatusDto {
  if (!reading.log.reachable) {
    throw new ServiceUnavailableException({
      error: 'unavailable',
      message: detailed ? `the event store did not answer: ${reading.log.error}` : 'the event store did not answer',
    });
  }
  const projections = reading.projections;
  const failing = projections?.failing ?? [];
  const links = Object.values(reading.bus ?? {});
  const troubled = links.some((link) => link.state === 'retrying' || link.state === 'stopped');
  const status = failing.length > 0 || troubled ? 'degraded' : 'ok';
  if (!detailed) {
    const { relay, changeFeed } = reading.bus ?? {};
    const busLags = {
      ...(relay && { relay: { ...(relay.lag !== undefined && { lag: relay.lag }) } }),
      ...(changeFeed && { changeFeed: { lag: changeFeed.lag } }),
    };
    return {
      status,
      ...(projections && { projections: { ...(projections.lag !== undefined && { lag: projections.lag }) } }),
      ...(Object.keys(busLags).length > 0 && { bus: busLags }),
    };
  }
  return {
    status,
    log: { headPosition: reading.log.headPosition },
    ...(projections && {
      projections: {
        position: projections.position,
        running: projections.running,
        ...(projections.lag !== undefined && { lag: projections.lag }),
        ...(failing.length > 0 && { failing }),
      },
    }),
    ...(reading.bus && { bus: reading.bus }),
  };
}
