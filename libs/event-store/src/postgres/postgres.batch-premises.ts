/**
 * The state a batch can be planned against without reading it first: the tail this process committed last, no event id
 * of the batch recorded yet, and every stream at the revision its first request expects. The batch writer plans
 * against these premises and sends the plan with them; PostgreSQL writes it only if, under the log lock, the premises
 * are what the log holds (postgres.statements.ts, appendIfUnchanged). A plan is a pure function of the batch and the
 * state it reads (postgres.batch-plan.ts), and the premises cover every part of the state that plan reads — the tail,
 * the batch's event ids, the batch's streams' revisions — so a plan whose premises held is the plan the locked read
 * would have given. Pure: no I/O.
 */
import { NO_STREAM_REVISION } from '../expected-revision';
import type { StreamRevision } from '../event-store.port';
import type { LogState, LogTail, PreparedRequest } from './postgres.batch-plan';

/**
 * Undefined when a stream of the batch is first named with `any` or `stream-exists`: that names no revision to
 * assume, so the batch is planned from a read of the log instead.
 */
export function batchPremises(batch: readonly PreparedRequest[], tail: LogTail): LogState | undefined {
  const revisions = new Map<string, StreamRevision>();
  for (const request of batch) {
    for (const { streamId, expectedRevision } of request) {
      if (revisions.has(streamId)) continue;
      if (expectedRevision === 'no-stream') revisions.set(streamId, NO_STREAM_REVISION);
      else if (typeof expectedRevision === 'number') revisions.set(streamId, expectedRevision);
      else return undefined;
    }
  }
  return { tail, recorded: new Map(), revisions };
}

/** $12–$16 of appendIfUnchanged: the tail (NULLs for an empty log), every event id, every stream and its revision. */
export function premiseParameters(batch: readonly PreparedRequest[], premises: LogState): unknown[] {
  const empty = premises.tail.position === 0;
  const eventIds = batch.flatMap((request) => request.flatMap(({ events }) => events.map((e) => e.eventId)));
  return [
    empty ? null : premises.tail.position,
    empty ? null : premises.tail.hash,
    eventIds,
    [...premises.revisions.keys()],
    [...premises.revisions.values()],
  ];
}
