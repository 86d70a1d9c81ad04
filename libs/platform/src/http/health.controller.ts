import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventStore } from '@ledger/event-store';
import { Public } from '../auth/auth.decorators';
import { EVENT_STORE } from '../event-store/event-store.tokens';
import { ProjectionEngine } from '../projections/projection-engine';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(ProjectionEngine) private readonly engine?: ProjectionEngine,
  ) {}

  @Public()
  @Get('health')
  @ApiOperation({ summary: 'Liveness, the log head and how far the read models have got. No auth.' })
  async health() {
    const head = await this.store.headPosition();
    const projections = this.engine?.health();
    const failing = projections?.projections.filter((p) => p.status !== 'running') ?? [];
    return {
      status: failing.length > 0 ? 'degraded' : 'ok',
      log: { headPosition: head },
      ...(projections && {
        projections: {
          position: projections.position,
          running: projections.running,
          lag: head - projections.position,
          ...(failing.length > 0 && { failing: failing.map((p) => ({ name: p.name, status: p.status })) }),
        },
      }),
    };
  }
}
