import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ledgerConfigFromEnv } from '../config/ledger.config';
import { hasAnyRole } from './roles';
import { parseTokenList, TokenRegistry } from './token-registry';

describe('bearer tokens', () => {
  it('reads LEDGER_TOKENS entries as token:actor:role+role', () => {
    const [[token, principal]] = parseTokenList('t9:wang.li:finance+viewer');
    expect(token).toBe('t9');
    expect(principal.actor).toBe('wang.li');
    expect([...principal.roles]).toEqual(['finance', 'viewer']);
  });

  it.each(['t9:wang.li', 't9::finance', 't9:wang.li:banker', ':wang.li:finance'])(
    'refuses the malformed entry %s at start',
    (entry) => {
      expect(() => parseTokenList(entry)).toThrow(/LEDGER_TOKENS/);
    },
  );

  it('admin may do everything; a supervisor reads what a viewer reads; a viewer is no finance officer', () => {
    const [[, admin], [, supervisor], [, viewer]] = parseTokenList('a:root:admin,s:li:supervisor,v:chen:viewer');
    expect(hasAnyRole(admin, ['finance'])).toBe(true);
    expect(hasAnyRole(supervisor, ['viewer'])).toBe(true);
    expect(hasAnyRole(viewer, ['finance'])).toBe(false);
    expect(hasAnyRole(viewer, ['supervisor'])).toBe(false);
  });

  it('with no token configured, generates an admin token once, keeps it, and announces it only the first time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tokens-'));
    try {
      const config = ledgerConfigFromEnv({ LEDGER_DATA_DIR: dir });
      const announced: string[] = [];
      const first = TokenRegistry.fromConfig(config, (line) => announced.push(line));
      const token = readFileSync(config.adminTokenFile, 'utf8').trim();
      expect(first.principalFor(token)?.roles.has('admin')).toBe(true);
      const second = TokenRegistry.fromConfig(config, (line) => announced.push(line));
      expect(second.principalFor(token)?.actor).toBe('admin');
      expect(announced).toHaveLength(1);
      expect(announced[0]).toContain(token);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
