import { CONSORTIUM_POLICY_IDS } from '@ledger/domain/shared/policy-ids';
import { ZONE_POLICY_IDS } from '@ledger/domain/policies/nmg-2022-zone';
import { Jurisdiction, REGION_PREFIX } from './jurisdiction';
import { Principal, Role, ROLES } from './roles';

const POLICY_IDS: ReadonlyArray<string> = [...CONSORTIUM_POLICY_IDS, ...ZONE_POLICY_IDS];

/**
 * `t9:wang.li:finance+viewer,t10:zhao:officer@luzhou-2024-consortium|21` (LEDGER_TOKENS) → token and principal, in
 * order. After `@`, the token's jurisdiction: policy ids and/or region prefixes (2–6 digits of the division code),
 * separated by `|`, any one matching is enough; without `@`, every jurisdiction. A malformed entry is refused naming
 * its place and shape; its token is left out of the message, which ends up in logs.
 */
export function parseTokenList(list: string): Array<[string, Principal]> {
  const entries = list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.map((entry, index) => {
    const [token, actor, rolesAndScopes, ...rest] = entry.split(':');
    const [roleList, scopeList, ...moreScopes] = (rolesAndScopes ?? '').split('@');
    const roles = (roleList ?? '').split('+').filter(Boolean);
    const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
    const scopes = scopeList === undefined ? undefined : scopeList.split('|').map((scope) => scope.trim());
    const badScopes = (scopes ?? []).filter((scope) => !POLICY_IDS.includes(scope) && !REGION_PREFIX.test(scope));
    const shown = () => [token ? '<token>' : '', ...entry.split(':').slice(1)].join(':');
    if (!token || !actor || roles.length === 0 || unknown.length > 0 || rest.length > 0 || moreScopes.length > 0) {
      throw new Error(
        `LEDGER_TOKENS entry ${index + 1} must be token:actor:role+role with roles among ${ROLES.join(', ')}, ` +
          `not "${shown()}"`,
      );
    }
    if (scopes !== undefined && (scopes.length === 0 || badScopes.length > 0 || scopes.includes(''))) {
      throw new Error(
        `LEDGER_TOKENS entry ${index + 1}: after @ come policy ids (${POLICY_IDS.join(', ')}) or region prefixes of ` +
          `2–6 digits, separated by |, not "${scopeList}"`,
      );
    }
    const principal: Principal = { actor, roles: new Set(roles as Role[]) };
    if (scopes !== undefined) principal.jurisdiction = jurisdictionOf(scopes);
    return [token, principal];
  });
}

function jurisdictionOf(scopes: string[]): Jurisdiction {
  return {
    policies: scopes.filter((scope) => POLICY_IDS.includes(scope)),
    regions: scopes.filter((scope) => REGION_PREFIX.test(scope)),
  };
}
