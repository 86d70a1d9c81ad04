import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, Observable, switchMap } from 'rxjs';
import { ProjectionLaggingException } from '../http/ledger-errors';
import { ProjectionEngine } from './projection-engine';
import { READS_PROJECTIONS } from './read-models.decorator';

export const MIN_POSITION_TIMEOUT_MS = 5000;

/**
 * `?minPosition=N` on a query waits (up to 5 s, then 503 `projection-lagging`) until the projections it reads have
 * processed N; when one of them is stopped short of N the answer is 503 at once.
 */
@Injectable()
export class MinPositionInterceptor implements NestInterceptor {
  constructor(
    @Inject(ProjectionEngine) private readonly engine: ProjectionEngine,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const raw: unknown = context.switchToHttp().getRequest<{ query?: Record<string, unknown> }>().query?.minPosition;
    if (raw === undefined) return next.handle();
    if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) {
      throw new BadRequestException({
        error: 'invalid-input',
        message: 'minPosition must be a non-negative integer log position',
        details: [{ field: 'minPosition', problems: ['must be a non-negative integer'] }],
      });
    }
    const minPosition = Number(raw);
    const names = this.reflector.getAllAndOverride<string[] | undefined>(READS_PROJECTIONS, [
      context.getHandler(),
      context.getClass(),
    ]);
    return from(this.engine.waitFor(minPosition, MIN_POSITION_TIMEOUT_MS, names)).pipe(
      switchMap((outcome) => {
        if (outcome !== 'reached') {
          const reached = names
            ? Math.min(...names.map((name) => this.engine.positionOf(name)))
            : this.engine.processedPosition();
          throw new ProjectionLaggingException(minPosition, reached, outcome === 'stopped');
        }
        return next.handle();
      }),
    );
  }
}
