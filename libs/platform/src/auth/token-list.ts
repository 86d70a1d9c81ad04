import { Principal, Role, ROLES } from './roles';

/**
 * `t9:wang.li:finance+viewer,t10:zhao:officer` (LEDGER_TOKENS) → token and principal, in order. A malformed entry is
 * refused naming its place and shape; its token is left out of the message, which ends up in logs.
 */
export function parseTokenList(list: string): Array<[string, Principal]> {
  const entries = list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.map((entry, index) => {
    const [token, actor, roleList] = entry.split(':');
    const roles = (roleList ?? '').split('+').filter(Boolean);
    const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
    if (!token || !actor || roles.length === 0 || unknown.length > 0) {
      const shown = [token ? '<token>' : '', ...entry.split(':').slice(1)].join(':');
      throw new Error(
        `LEDGER_TOKENS entry ${index + 1} must be token:actor:role+role with roles among ${ROLES.join(', ')}, ` +
          `not "${shown}"`,
      );
    }
    return [token, { actor, roles: new Set(roles as Role[]) }];
  });
}
