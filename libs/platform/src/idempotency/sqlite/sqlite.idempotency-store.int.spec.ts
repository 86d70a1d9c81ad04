import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdempotencyStore } from '../idempotency-store.port';
import { idempotencyStoreContract } from '../testing/idempotency-store.contract';
import { SqliteIdempotencyStore } from './sqlite.idempotency-store';

idempotencyStoreContract('SqliteIdempotencyStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'idempotency-'));
  const file = join(dir, 'idempotency.sqlite');
  const stores: IdempotencyStore[] = [await SqliteIdempotencyStore.open(file)];
  return {
    store: stores[0],
    openAnother: async (holder) => {
      stores.push(await SqliteIdempotencyStore.open(file, holder));
      return stores[stores.length - 1];
    },
    cleanup: async () => {
      for (const store of stores) await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteIdempotencyStore.open', () => {
  it('rejects a file it cannot open, and leaves no thread behind: the process that asked still exits', () => {
    const register = join(__dirname, '..', '..', '..', '..', '..', 'scripts', 'register-ts.js');
    const script = `
      require(${JSON.stringify(register)});
      const { SqliteIdempotencyStore } = require(${JSON.stringify(join(__dirname, 'sqlite.idempotency-store.ts'))});
      SqliteIdempotencyStore.open('/nonexistent-dir/x/idempotency.sqlite').then(
        () => console.log('opened'),
        (error) => console.log('refused: ' + error.message),
      );`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(run.stdout.trim()).toBe('refused: Cannot open database because the directory does not exist');
    expect(run.signal).toBeNull(); // not killed by the timeout: it exited by itself
    expect(run.status).toBe(0);
  });
});
