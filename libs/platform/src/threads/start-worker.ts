import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * A worker thread's entry, `<name>.js` compiled next to the code that starts it (dist/, .build/); from the TypeScript
 * sources (the tests), `<name>.ts` compiled on the fly with the build's options.
 *
 * @param dir the directory of the entry (the caller's `__dirname`)
 */
export function startWorker(dir: string, name: string, workerData: unknown): Worker {
  const compiled = join(dir, `${name}.js`);
  if (existsSync(compiled)) return new Worker(compiled, { workerData });
  const register = join(__dirname, '..', '..', '..', '..', 'scripts', 'register-ts.js');
  const source = join(dir, `${name}.ts`);
  return new Worker(`require(${JSON.stringify(register)}); require(${JSON.stringify(source)});`, {
    eval: true,
    workerData,
  });
}
