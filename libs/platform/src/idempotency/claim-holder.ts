import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';

/**
 * Who holds a claim on an Idempotency-Key: a process, as `host|pid|start` (its start in ms since the epoch). A claim's
 * token begins with its holder, so that a process can tell a claim whose holder died mid-request (kill -9, a crash, a
 * container restarted) from one still being answered, and take it over at once instead of after STALE_CLAIM_MS. It can
 * tell only for holders on its own host: a process that no longer runs, or an earlier life of its own pid (a container's
 * pid 1 after a restart). Any other holder — another host, or a live pid that may have been reused — keeps its claim
 * until it is stale, as before; so do tokens of earlier versions, which name no holder.
 */
export const THIS_PROCESS: string = `${hostname()}|${process.pid}|${Math.round(performance.timeOrigin)}`;

/** A claim token of `holder`: the holder, then a random part that makes it this claim's alone. */
export const newClaimToken = (holder: string): string => `${holder}/${randomUUID()}`;

/** Whether the token's holder is known to be gone, as seen from `here` (this process, unless a test says otherwise). */
export function claimHolderIsGone(token: string, here: string = THIS_PROCESS): boolean {
  const holder = token.slice(0, token.lastIndexOf('/'));
  const [host, pid] = holder.split('|');
  const [hereHost, herePid] = here.split('|');
  if (holder.split('|').length !== 3 || host !== hereHost) return false;
  if (pid === herePid) return holder !== here; // this pid in an earlier life
  return !isRunning(Number(pid));
}

function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return true; // not a pid: nothing known
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH'; // EPERM: it runs, as another user
  }
}
