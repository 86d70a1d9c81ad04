import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { PUBLIC_KEY, Role, ROLES, ROLES_KEY } from '@ledger/platform';

/** One route of the running ledger, as its controller declares it. */
export interface DeclaredRoute {
  method: string;
  /** `/v1/consortia/{id}/reviews`: the OpenAPI document's spelling. */
  path: string;
  handler: string;
  /** `@Public()`: no token needed. */
  public: boolean;
  /** `@Roles(…)` on the handler or its controller; undefined when neither declares any. */
  roles?: Role[];
}

const joined = (...parts: string[]) =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`.replace(/:(\w+)/g, '{$1}');

/** Every route of every controller the app has, read from the metadata Nest routes by (nothing listed by hand). */
export function routeTable(app: INestApplication): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  const seen = new Set<unknown>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller || seen.has(controller)) continue;
      seen.add(controller);
      const base = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[]].flat()[0] ?? '';
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const own = [Reflect.getMetadata(PATH_METADATA, handler) as string | string[]].flat()[0] ?? '';
        const isPublic = Boolean(
          Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, controller),
        );
        const roles = (Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, controller)) as
          Role[] | undefined;
        routes.push({
          method: RequestMethod[method],
          path: joined(base, own),
          handler: `${controller.name}.${name}`,
          public: isPublic,
          roles,
        });
      }
    }
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** Whether a principal with `role` may call the route (as AuthGuard decides: admin always; a supervisor reads as a viewer). */
export function mayCall(route: DeclaredRoute, role: Role): boolean {
  if (route.public || role === 'admin') return true;
  const allowed = route.roles ?? [];
  return allowed.includes(role) || (role === 'supervisor' && allowed.includes('viewer'));
}

export { ROLES };
