import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Principal } from '../auth/roles';
import { newCommandMetadata } from './command-metadata';
import { requestContextOf } from '../http/request-context.hook';

/** The metadata of the command this request carries: actor from the token, ids from the request context and headers. */
export const CommandMeta = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const request = ctx.switchToHttp().getRequest<{
    principal: Principal;
    commandId?: string;
    headers: Record<string, string | string[] | undefined>;
  }>();
  const { principal } = request;
  const { today, correlationId } = requestContextOf(request);
  const causationId = request.headers['x-causation-id'];
  return newCommandMetadata({
    actor: principal.actor,
    commandId: request.commandId,
    correlationId,
    causationId: typeof causationId === 'string' ? causationId : undefined,
    today: today(),
    jurisdiction: principal.jurisdiction,
  });
});
