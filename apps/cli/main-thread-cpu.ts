import { existsSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux everywhere it runs). */
const TICKS_PER_SECOND = 100;

/**
 * The CPU seconds (user + system) this process's main thread has used, from /proc (Linux; undefined elsewhere). With
 * a rebuild's writes on a thread of their own, it is what bounds the rebuild on a machine with a core to spare: the
 * wall clock there is about max(main thread, all threads / cores).
 */
export function mainThreadCpuSeconds(): number | undefined {
  const stat = `/proc/self/task/${process.pid}/stat`;
  if (!existsSync(stat)) return undefined;
  const text = readFileSync(stat, 'utf8');
  // utime and stime: the 14th and 15th fields, counted after the command name (which may hold spaces).
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}
