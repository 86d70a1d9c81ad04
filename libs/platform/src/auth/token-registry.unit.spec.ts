import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ledgerConfigFromEnv } from '../config/ledger.config';
import { covers, jurisdictionWhere } from './jurisdiction';
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

  it('reads a jurisdiction after @: policy ids and region prefixes, any one matching', () => {
    const [[, lz], [, ln], [, all]] = parseTokenList(
      't1:officer.lz:officer@luzhou-2024-consortium,t2:fin.ln:finance@21|liaoning-2021-alliance,t3:li:supervisor',
    );
    expect(lz.jurisdiction).toEqual({ policies: ['luzhou-2024-consortium'], regions: [] });
    expect(ln.jurisdiction).toEqual({ policies: ['liaoning-2021-alliance'], regions: ['21'] });
    expect(all.jurisdiction).toBeUndefined();
    expect(covers(lz.jurisdiction, { policy: 'luzhou-2024-consortium', division: '510502' })).toBe(true);
    expect(covers(lz.jurisdiction, { policy: 'liaoning-2021-alliance', division: '210100' })).toBe(false);
    expect(covers(ln.jurisdiction, { policy: 'tianjin-2018-alliance', division: '210200' })).toBe(true); // region 21
    expect(covers(ln.jurisdiction, { policy: 'tianjin-2018-alliance', division: '120116' })).toBe(false);
    expect(covers(ln.jurisdiction, { policy: 'nmg-2022-zone' })).toBe(false); // zones go by policy alone
    expect(covers(all.jurisdiction, { policy: 'nmg-2022-zone' })).toBe(true);
    expect(jurisdictionWhere(all.jurisdiction)).toEqual({});
  });

  it.each([
    't1:a:officer@',
    't1:a:officer@luzhou',
    't1:a:officer@2',
    't1:a:officer@1234567',
    't1:a:officer@21|',
    't1:a:officer@21@22',
  ])('refuses the jurisdiction of %s at start', (entry) => {
    expect(() => parseTokenList(entry)).toThrow(/LEDGER_TOKENS entry 1/);
  });

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
