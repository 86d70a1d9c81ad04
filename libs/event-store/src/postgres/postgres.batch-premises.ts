/**
 * The state a batch can be planned against without reading it first: the tail this process committed last, no event id
 * of the batch recorded yet, and every stream at the revision its first request expects. The batch writer plans
 * against these premises and sends the plan with them; PostgreSQL writes it only if, under the log lock, the premises
 * are what the log holds. A plan is a pure function of the batch and the state it reads (postgres.batch-plan.ts), and
 * the premises cover every part of the state that plan reads, so a plan whose premises held is the plan the locked
 * read would have given. Pure: no I/O.
 *
 * Who checks which premise, on the server:
 * - the tail (position and hash): the append statement, once a batch (postgres.statements.ts, appendIfUnchanged);
 * - a stream the batch only checks (no event of the batch goes to it): the statement, its revision;
 * - a stream the batch writes, planned at revision r ≥ 0: the statement checks that revision r is recorded (the stream
 *   is not behind what its request expects);
 * - the event ids of a request the plan refused (a stale expected revision, say): the statement, that none is recorded
 *   — were they, the request would be a retry, answered as a repeat (postgres.batch-plan.ts) instead of refused;
 * - everything that could have been written since — a written stream past its planned revision, one planned as new
 *   that exists, an event id of a written request already recorded: the unique indexes, as the rows go in. Revisions
 *   are dense, so a stream written past r holds r + 1, the first revision the plan writes to it. The statement then
 *   fails (unique_violation), nothing is written, and the batch is planned again from a read. Checking these in the
 *   statement as well cost the server an index search per event id and per stream on every batch, about a quarter of
 *   its CPU in SLW-1, for what the inserts check anyway.
 */
import { NO_STREAM_REVISION } from '../expected-revision';
import type { StreamRevision } from '../event-store.port';
import type { BatchPlan, LogState, LogTail, PreparedRequest } from './postgres.batch-plan';

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

/**
 * $12–$18 of appendIfUnchanged: the tail (NULLs for an empty log); the streams the plan writes that were planned at a
 * revision, and that revision; the streams it only checks (a read its decision depended on), and their revision; the
 * event ids of the requests the plan refused, none of which may be recorded.
 */
export function premiseParameters(batch: readonly PreparedRequest[], premises: LogState, plan: BatchPlan): unknown[] {
  const empty = premises.tail.position === 0;
  const written: [string, StreamRevision][] = [];
  const checked: [string, StreamRevision][] = [];
  for (const premise of premises.revisions) {
    if (!plan.streamRevisions.has(premise[0])) checked.push(premise);
    else if (premise[1] !== NO_STREAM_REVISION) written.push(premise);
  }
  return [
    empty ? null : premises.tail.position,
    empty ? null : premises.tail.hash,
    ...[written, checked].flatMap((streams) => [streams.map(([id]) => id), streams.map(([, revision]) => revision)]),
    batch.flatMap((request, index) =>
      plan.outcomes[index].ok ? [] : request.flatMap(({ events }) => events.map(({ eventId }) => eventId)),
    ),
  ];
}
