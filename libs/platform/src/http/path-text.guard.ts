import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { invalidInput } from './ledger-validation.pipe';
import { textProblems } from './text-problems';

/**
 * A path's parameters (`{id}`, `{creditCode}`, `{n}`) are checked as every string of a request is (text-problems.ts)
 * before any guard of a route looks a record up by them: an id with a control character is the same 400
 * `invalid-input` naming it for every user — not a 404 echoing it back from a guard that looked it up first (the
 * jurisdiction guard of a scoped user's reads), nor anything else that depends on who asks. The validation pipe checks
 * them again, as it checks the body and the query.
 */
@Injectable()
export class PathTextGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const params = context.switchToHttp().getRequest<{ params?: Record<string, unknown> }>().params;
    if (!params) return true;
    const problems = textProblems(params);
    if (problems.length > 0) throw invalidInput(problems);
    return true;
  }
}
