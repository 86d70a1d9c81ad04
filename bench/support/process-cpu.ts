/**
 * CPU a process has used, its main thread apart from its other threads (the SQLite writer, libuv's pool), read from
 * /proc: on a machine other work shares, CPU per operation holds up where operations per second do not.
 */
import { existsSync, readFileSync } from 'node:fs';

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

/** utime + stime: the 14th and 15th fields, counted after the command name (which may hold spaces). */
function ticks(statFile: string): number {
  const text = readFileSync(statFile, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}
