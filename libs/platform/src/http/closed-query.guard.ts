import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { getMetadataStorage } from 'class-validator';
import { say } from '@ledger/domain/shared/sentence';
import { fieldsEscapedNotInUtf8 } from './body-parsers';
import { invalidInput } from './ledger-validation.pipe';
import type { FieldProblem } from './text-problems';

/** The query parameters a handler takes: its `@Query()` DTO's fields; none when it has no `@Query()` argument. */
function declaredQueryOf(controller: object, handler: string): ReadonlySet<string> {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) ?? {}) as Record<
    string,
    { index: number; data?: unknown }
  >;
  const types = (Reflect.getMetadata('design:paramtypes', (controller as { prototype: object }).prototype, handler) ??
    []) as unknown[];
  const names = new Set<string>();
  for (const [key, arg] of Object.entries(args)) {
    if (key.split(':')[0] !== String(RouteParamtypes.QUERY)) continue;
    if (typeof arg.data === 'string') names.add(arg.data);
    const dto = types[arg.index];
    if (typeof dto !== 'function' || arg.data !== undefined) continue;
    for (const rule of getMetadataStorage().getTargetValidationMetadatas(dto, '', false, false)) {
      names.add(rule.propertyName);
    }
  }
  return names;
}

/**
 * Query strings are as strict as bodies (issue 10): a parameter the operation does not take is a 400 naming it (a typo
 * like `minPositon=5` is not silently ignored), and so is a parameter given twice (`?limit=1&limit=2`: no query of the
 * ledger takes a list). Every handler, with a query DTO or none (a POST, /health), before any guard that acts on a
 * parameter (MinPositionGuard would otherwise wait on `minPosition` before the pipe refused its neighbour). The
 * validation pipe refuses unknown DTO fields too (forbidNonWhitelisted); this guard is what closes the handlers that
 * have no DTO and what catches repeats before a DTO's own checks give a less telling message.
 */
@Injectable()
export class ClosedQueryGuard implements CanActivate {
  private readonly declared = new WeakMap<object, ReadonlySet<string>>();

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ query?: Record<string, unknown>; url?: string }>();
    const query = request.query ?? {};
    const names = Object.keys(query);
    if (names.length === 0) return true;
    // The query parser reads an escape that is not UTF-8 as U+FFFD: refused, as a path with one is (framework-errors.ts).
    const url = request.url ?? '';
    const notUtf8 = url.includes('?') ? fieldsEscapedNotInUtf8(url.slice(url.indexOf('?') + 1)) : [];
    if (notUtf8.length > 0) {
      throw invalidInput(
        notUtf8.map((name) => ({ field: name, problems: [say`${name}: its percent-encoding must be UTF-8`] })),
      );
    }
    const handler = context.getHandler();
    let declared = this.declared.get(handler);
    if (!declared) {
      declared = declaredQueryOf(context.getClass(), handler.name);
      this.declared.set(handler, declared);
    }
    const details: FieldProblem[] = names.flatMap((name) => {
      if (!declared.has(name)) return [{ field: name, problems: [say`property ${name} should not exist`] }];
      if (Array.isArray(query[name])) {
        return [{ field: name, problems: [say`${name} is given more than once; a query parameter takes one value`] }];
      }
      return [];
    });
    if (details.length === 0) return true;
    throw invalidInput(details);
  }
}
