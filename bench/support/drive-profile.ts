/**
 * A CPU profile of the measured part of a bench only (not its setup or its checks), for `BENCH_PROFILE_DIR=<dir>`:
 * `node --cpu-prof` profiles the whole process, where setting up a ledger and replaying it can outweigh the drive.
 * The .cpuprofile opens in Chrome's DevTools; bench/README.md, "Profiling", sums it by function.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

/** Runs `measured` under V8's sampling profiler when BENCH_PROFILE_DIR is set, and writes the profile there. */
export async function profiledWhenAsked<T>(name: string, measured: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (!dir) return measured();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await measured();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}-${process.pid}.cpuprofile`), JSON.stringify(profile));
  }
}
