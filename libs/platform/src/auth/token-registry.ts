import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { LedgerConfig } from '../config/ledger.config';
import { Principal, Role } from './roles';
import { parseTokenList } from './token-list';

export { parseTokenList } from './token-list';

/** Bearer tokens → principals, from LEDGER_ADMIN_TOKEN and LEDGER_TOKENS, or a generated admin token. */
export class TokenRegistry {
  private constructor(private readonly principals: ReadonlyMap<string, Principal>) {}

  static fromConfig(config: LedgerConfig, announce: (line: string) => void = console.log): TokenRegistry {
    const principals = new Map<string, Principal>();
    if (config.adminToken) principals.set(config.adminToken, { actor: 'admin', roles: new Set<Role>(['admin']) });
    for (const [token, principal] of parseTokenList(config.tokens ?? '')) principals.set(token, principal);
    if (principals.size === 0) {
      principals.set(generatedAdminToken(config.adminTokenFile, announce), {
        actor: 'admin',
        roles: new Set<Role>(['admin']),
      });
    }
    return new TokenRegistry(principals);
  }

  principalFor(token: string): Principal | undefined {
    return this.principals.get(token);
  }

  /** The principal of an `Authorization: Bearer <token>` header; undefined for no header, another scheme or an unknown token. */
  principalOfAuthorization(authorization: string | undefined): Principal | undefined {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    return match ? this.principalFor(match[1]) : undefined;
  }
}

/** With no token configured, the first start generates an admin token, keeps it and prints it once. */
function generatedAdminToken(file: string, announce: (line: string) => void): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const token = randomBytes(24).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  announce(`No LEDGER_ADMIN_TOKEN or LEDGER_TOKENS set: generated an admin token (kept in ${file}):\n  ${token}`);
  return token;
}
