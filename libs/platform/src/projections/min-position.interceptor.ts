import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { from, Observable, switchMap } from 'rxjs';
import { ProjectionLaggingException } from '../http/ledger-errors';
import { ProjectionEngine } from './projection-engine';

export const MIN_POSITION_TIMEOUT_MS = 5000;

/** `?minPosition=N` on a query waits (up to 5 s, then 503 `projection-lagging`) until the read models have processed N. */
@Injectable()
export class MinPositionInterceptor implements NestInterceptor {
  constructor(@Inject(ProjectionEngine) private readonly engine: ProjectionEngine) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const raw = context.switchToHttp().getRequest().query?.minPosition;
    if (raw === undefined) return next.handle();
    if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) {
      throw new BadRequestException({
        error: 'invalid-input',
        message: 'minPosition must be a non-negative integer log position',
        details: [{ field: 'minPosition', problems: ['must be a non-negative integer'] }],
      });
    }
    const minPosition = Number(raw);
    return from(this.engine.waitFor(minPosition, MIN_POSITION_TIMEOUT_MS)).pipe(
      switchMap((reached) => {
        if (!reached) throw new ProjectionLaggingException(minPosition, this.engine.processedPosition());
        return next.handle();
      }),
    );
  }
}
