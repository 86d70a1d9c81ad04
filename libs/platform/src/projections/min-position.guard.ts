import { BadRequestException, CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { say } from '@ledger/domain/shared/sentence';
import { ProjectionLaggingException } from '../http/ledger-errors';
import { ProjectionEngine } from './projection-engine';
import { READS_PROJECTIONS, READS_THE_LOG_WITH } from './read-models.decorator';
import { decimalIntegerOf } from '../http/decimal-integer';
import type { Principal } from '../auth/roles';

export const MIN_POSITION_TIMEOUT_MS = 5000;

/**
 * `?minPosition=N` on a query waits (up to 5 s, then 503 `projection-lagging`) until the projections it reads have
 * processed N; when one of them is stopped short of N the answer is 503 at once. A guard rather than an interceptor:
 * it runs at the same point (after auth, before validation), and a query without minPosition costs nothing — Nest
 * runs every request of a route with an interceptor through rxjs and AsyncResource bindings. A query answered from the
 * event log itself (`@ReadsTheLogWith`: as-of) meets minPosition at once: it waits for no read model — unless the user
 * has a jurisdiction, whose guard reads the record's scope from its read model (JurisdictionGuard): that read waits,
 * or a record just written would be "not found" to its own region.
 */
@Injectable()
export class MinPositionGuard implements CanActivate {
  constructor(
    @Inject(ProjectionEngine) private readonly engine: ProjectionEngine,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const query = context.switchToHttp().getRequest<{ query?: Record<string, unknown> }>().query ?? {};
    const raw: unknown = query.minPosition;
    if (raw === undefined) return true;
    const position = typeof raw === 'string' ? decimalIntegerOf(raw) : undefined;
    if (position === undefined || position < 0) {
      throw new BadRequestException({
        error: 'invalid-input',
        message: say`minPosition must be a non-negative integer log position`,
        details: [{ field: 'minPosition', problems: [say`must be a non-negative integer`] }],
      });
    }
    const { principal } = context.switchToHttp().getRequest<{ principal?: Principal }>();
    if (!principal?.jurisdiction && this.readsTheLog(query, context)) return true;
    return this.waitFor(position, context);
  }

  /** Whether this request is answered from the event log (a parameter of `@ReadsTheLogWith` given, not empty). */
  private readsTheLog(query: Record<string, unknown>, context: ExecutionContext): boolean {
    const parameters = this.reflector.getAllAndOverride<string[] | undefined>(READS_THE_LOG_WITH, [
      context.getHandler(),
      context.getClass(),
    ]);
    return parameters?.some((name) => query[name] !== undefined && query[name] !== '') ?? false;
  }

  private async waitFor(minPosition: number, context: ExecutionContext): Promise<boolean> {
    const names = this.reflector.getAllAndOverride<string[] | undefined>(READS_PROJECTIONS, [
      context.getHandler(),
      context.getClass(),
    ]);
    const outcome = await this.engine.waitFor(minPosition, MIN_POSITION_TIMEOUT_MS, names);
    if (outcome === 'reached') return true;
    const reached = names
      ? Math.min(...names.map((name) => this.engine.positionOf(name)))
      : this.engine.processedPosition();
    throw new ProjectionLaggingException(minPosition, reached, outcome === 'stopped');
  }
}
