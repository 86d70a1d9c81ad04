/**
 * CPU a process has used, its main thread apart from its other threads (the SQLite writer, libuv's pool), read from
 * /proc: on a machine other work shares, CPU per operation holds up where operations per second do not.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** CPU seconds used so far, its main thread apart; undefined where /proc is not there. */
export interface CpuReading {
  mainSeconds: number;
  totalSeconds: number;
}

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux everywhere it runs). */
const TICKS_PER_SECOND = 100;

export function cpuOf(pid: number | undefined): CpuReading | undefined {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return undefined;
  return { mainSeconds: ticks(`/proc/${pid}/task/${pid}/stat`), totalSeconds: ticks(`/proc/${pid}/stat`) };
}

/**
 * CPU seconds used so far by the processes below `pid` (children, theirs, …): a server the bench started, such as the
 * embedded PostgreSQL and its backends. A process that ended between two readings drops out of the second, so read
 * while the connections are open. Undefined where /proc is not there.
 */
export function descendantsCpuSeconds(pid: number): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statFields(`/proc/${entry}/stat`);
    if (stat) parents.set(Number(entry), Number(stat[1]));
  }
  const below = new Set([pid]);
  let seconds = 0;
  for (let grew = true; grew;) {
    grew = false;
    for (const [child, parent] of parents) {
      if (below.has(child) || !below.has(parent)) continue;
      below.add(child);
      grew = true;
      seconds += ticks(`/proc/${child}/stat`);
    }
  }
  return seconds;
}

/** The fields of a stat file after the command name (which may hold spaces); undefined when the process has gone. */
function statFields(statFile: string): string[] | undefined {
  try {
    const text = readFileSync(statFile, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** utime + stime: the 14th and 15th fields, counted after the command name; 0 for a process that has gone. */
function ticks(statFile: string): number {
  const fields = statFields(statFile);
  return fields ? (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND : 0;
}
