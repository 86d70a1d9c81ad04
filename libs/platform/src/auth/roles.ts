import type { Jurisdiction } from './jurisdiction';

export const ROLES = ['officer', 'finance', 'supervisor', 'viewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  actor: string;
  roles: ReadonlySet<Role>;
  /** The policies and regions the token is scoped to (jurisdiction.ts); absent: every jurisdiction. */
  jurisdiction?: Jurisdiction;
}

/** `admin` may do everything; `supervisor` may read everything a `viewer` reads. */
export function hasAnyRole(principal: Principal, allowed: readonly Role[]): boolean {
  if (principal.roles.has('admin')) return true;
  return allowed.some((role) => principal.roles.has(role) || (role === 'viewer' && principal.roles.has('supervisor')));
}
