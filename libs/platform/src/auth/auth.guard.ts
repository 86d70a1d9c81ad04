import { say } from '@ledger/domain/shared/sentence';
import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingHttpHeaders } from 'node:http';
import { invalidInput } from '../http/ledger-validation.pipe';
import { requestFactsOf } from '../http/request-facts';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { hasAnyRole, Principal, Role } from './roles';
import { TokenRegistry } from './token-registry';

/** 401 without a known bearer token, 403 with a token that lacks the route's role. Routes without @Roles are admin-only. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenRegistry) private readonly tokens: TokenRegistry,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context
      .switchToHttp()
      .getRequest<{ headers: IncomingHttpHeaders; raw?: { rawHeaders: string[] }; principal?: Principal }>();
    // Node keeps the first of two Authorization headers and drops the other: which actor was meant would be a guess.
    const sent = request.raw?.rawHeaders.filter((name, i) => i % 2 === 0 && name.toLowerCase() === 'authorization');
    if (sent && sent.length > 1) {
      const problem = say`Authorization must be sent once: whose request this is would be a guess`;
      throw invalidInput([{ field: 'Authorization', problems: [problem] }]);
    }
    const principal = this.tokens.principalOfAuthorization(request.headers.authorization);
    if (!principal)
      throw new UnauthorizedException({
        error: 'unauthorized',
        message: say`a known bearer token is required (Authorization: Bearer <token>)`,
      });
    request.principal = principal;
    requestFactsOf(request).actor = principal.actor;
    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];
    if (!hasAnyRole(principal, allowed)) {
      throw new ForbiddenException({
        error: 'forbidden',
        message: say`this needs the role ${allowed.join(' or ') || 'admin'}; ${principal.actor} has ${[...principal.roles].join(', ')}`,
      });
    }
    return true;
  }
}
