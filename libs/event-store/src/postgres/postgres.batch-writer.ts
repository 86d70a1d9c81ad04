/**
 * Writes one group-commit batch as one PostgreSQL transaction holding the log lock (pg_advisory_xact_lock):
 *
 *   BEGIN + lock  →  read tail, recorded ids, revisions  →  plan in memory  →  one INSERT  →  COMMIT
 *
 * Positions stay dense and in commit order across every connection and process: a writer reads the tail and assigns
 * positions only while holding the lock, and holds it until its commit is visible, so the next writer starts from that
 * commit and commits after it. A follower reading `position > checkpoint` therefore never sees position n+1 before n.
 * (The classic bug this avoids: positions from a sequence, taken at insert time, where a transaction that took a lower
 * position commits after one that took a higher position and a follower that already moved past skips it.)
 * Serialising writers costs little because each batch takes the lock once, however many requests it carries.
 */
import type { Pool, PoolClient } from 'pg';
import type { AppendResult, StreamRevision } from '../event-store.port';
import type { RequestOutcome } from '../group-commit.queue';
import { laterOf } from '../recorded-at';
import { EMPTY_LOG_TAIL, LogState, LogTail, planBatch, PreparedRequest, RecordedIdentity } from './postgres.batch-plan';
import { toColumnArrays, toSafeInteger } from './postgres.event-row';
import { underLogLock } from './postgres.log-lock';
import type { PostgresLogNames } from './postgres.log-names';
import type { PostgresStatements } from './postgres.statements';

interface WriteStateRow {
  tail: { position: number; hash: string; recordedAt: string } | null;
  recorded: { eventId: string; position: number; streamId: string; type: string }[];
  revisions: { streamId: string; revision: number }[];
}

export class PostgresBatchWriter {
  constructor(
    private readonly pool: Pool,
    private readonly names: PostgresLogNames,
    private readonly statements: PostgresStatements,
    private readonly clock: () => Date,
  ) {}

  /** One outcome per request, in order; rejects when the transaction as a whole failed (nothing was written). */
  writeBatch(batch: readonly PreparedRequest[]): Promise<RequestOutcome<AppendResult>[]> {
    return underLogLock(this.pool, this.names, async (client) => {
      const state = await this.readState(client, batch);
      const plan = planBatch(batch, state, laterOf(this.clock().toISOString(), state.tail.recordedAt));
      if (plan.events.length > 0) {
        await client.query(this.statements.appendEvents, [
          ...toColumnArrays(plan.events),
          [...plan.streamRevisions.keys()],
          [...plan.streamRevisions.values()],
          this.names.commitChannel,
        ]);
      }
      return plan.outcomes;
    });
  }

  private async readState(client: PoolClient, batch: readonly PreparedRequest[]): Promise<LogState> {
    const eventIds = batch.flatMap((request) => request.flatMap(({ events }) => events.map((e) => e.eventId)));
    const streamIds = [...new Set(batch.flatMap((request) => request.map(({ streamId }) => streamId)))];
    const { rows } = await client.query<WriteStateRow>(this.statements.readWriteState, [eventIds, streamIds]);
    const [{ tail, recorded, revisions }] = rows;
    return {
      tail: tail ? toLogTail(tail) : EMPTY_LOG_TAIL,
      recorded: new Map(
        recorded.map(({ eventId, position, streamId, type }): [string, RecordedIdentity] => [
          eventId,
          { position: toSafeInteger(position, 'position'), streamId, type },
        ]),
      ),
      revisions: new Map(
        revisions.map(({ streamId, revision }): [string, StreamRevision] => [
          streamId,
          toSafeInteger(revision, 'revision'),
        ]),
      ),
    };
  }
}

function toLogTail(row: NonNullable<WriteStateRow['tail']>): LogTail {
  return { position: toSafeInteger(row.position, 'position'), hash: row.hash, recordedAt: row.recordedAt };
}
