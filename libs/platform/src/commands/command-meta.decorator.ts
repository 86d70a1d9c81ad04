import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Principal } from '../auth/roles';
import { newCommandMetadata } from './command-metadata';
import { REQUEST_ID, requestContextOf } from '../http/request-context.hook';
import { invalidInput } from '../http/ledger-validation.pipe';
import { say } from '@ledger/domain/shared/sentence';

/**
 * The metadata of the command this request carries: actor from the token, ids from the request context and headers.
 * `X-Causation-Id` is recorded on every event, for good: one that is not an id (as `X-Correlation-Id` is checked), or
 * sent twice, is 400.
 */
export const CommandMeta = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const request = ctx.switchToHttp().getRequest<{
    principal: Principal;
    commandId?: string;
    headers: Record<string, string | string[] | undefined>;
  }>();
  const { principal } = request;
  const { today, correlationId } = requestContextOf(request);
  const causationId = request.headers['x-causation-id'];
  if (causationId !== undefined && (typeof causationId !== 'string' || !REQUEST_ID.test(causationId))) {
    const problem = say`X-Causation-Id must be sent once, 1–128 of A–Z a–z 0–9 _ . : -`;
    throw invalidInput([{ field: 'X-Causation-Id', problems: [problem] }]);
  }
  return newCommandMetadata({
    actor: principal.actor,
    commandId: request.commandId,
    correlationId,
    causationId,
    today: today(),
    jurisdiction: principal.jurisdiction,
  });
});
