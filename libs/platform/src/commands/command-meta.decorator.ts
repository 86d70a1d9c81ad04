import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Principal } from '../auth/roles';
import { businessToday } from '../config/ledger.config';
import { newCommandMetadata } from './command-metadata';
import { ledgerClockOf } from './ledger-clock.middleware';

/** The metadata of the command this request carries: actor from the token, ids from the headers. */
export const CommandMeta = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const request = ctx.switchToHttp().getRequest();
  const principal: Principal = request.principal;
  const header = (name: string) => (typeof request.headers[name] === 'string' ? request.headers[name] : undefined);
  return newCommandMetadata({
    actor: principal.actor,
    commandId: request.commandId,
    correlationId: header('x-correlation-id'),
    causationId: header('x-causation-id'),
    today: businessToday(ledgerClockOf(request)),
  });
});
