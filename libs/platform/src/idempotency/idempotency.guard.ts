import { BadRequestException, CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { say } from '@ledger/domain/shared/sentence';
import { Principal } from '../auth/roles';
import { IdempotencyKeys, IdempotentRequest } from './idempotency-keys';

const KEYED_METHODS = new Set(['POST', 'DELETE']);

/** An Idempotency-Key: 1 to 255 visible ASCII characters (a UUID does), no spaces. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

function badKey(key: string): BadRequestException {
  const problem = say`Idempotency-Key must be 1 to 255 visible ASCII characters (a UUID, say), without spaces`;
  return new BadRequestException({
    error: 'invalid-input',
    message: key.trim() === '' ? say`Idempotency-Key is empty: leave the header out, or send a key` : problem,
    details: [{ field: 'Idempotency-Key', problems: [problem] }],
  });
}

/**
 * Takes a POST's or DELETE's `Idempotency-Key` (IdempotencyKeys) once the AuthGuard has named the actor, before the
 * command runs. A guard rather than an interceptor: Nest runs every request of a route with an interceptor through
 * rxjs and two AsyncResource bindings, keyed or not — on a command, a third of what the HTTP layer cost.
 */
@Injectable()
export class IdempotencyGuard implements CanActivate {
  constructor(@Inject(IdempotencyKeys) private readonly keys: IdempotencyKeys) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context.switchToHttp().getRequest<IdempotentRequest & { principal?: Principal }>();
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !request.principal || !KEYED_METHODS.has(request.method)) return true;
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) throw badKey(key);
    return this.keys.hold(request, request.principal.actor, key).then(() => true);
  }
}
