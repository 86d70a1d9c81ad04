import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { requestFactsOf } from './request-facts';

/** What the adapters tell of the route that matched: Fastify's `routeOptions.url`, Express's `route.path`. */
interface RoutedRequest {
  method: string;
  routeOptions?: { url?: string };
  route?: { path?: string };
}

/**
 * Names the route and handler of a request for its log line. A guard, not an interceptor, because guards run first:
 * a request the AuthGuard refuses (401, 403) is still logged with the command it asked for. Never refuses anything.
 */
@Injectable()
export class RequestLabelGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<RoutedRequest>();
    const facts = requestFactsOf(request);
    const pattern = request.routeOptions?.url ?? request.route?.path;
    if (pattern) facts.route = `${request.method} ${pattern}`;
    facts.handler = `${context.getClass().name}.${context.getHandler().name}`;
    return true;
  }
}
