/**
 * Writes one group-commit batch as one PostgreSQL transaction holding the log lock (pg_advisory_xact_lock).
 *
 * Positions stay dense and in commit order across every connection and process: a writer assigns positions only from
 * a tail it has checked while holding the lock, and holds it until its commit is visible, so the next writer starts
 * from that commit and commits after it. A follower reading `position > checkpoint` therefore never sees position n+1
 * before n. (The classic bug this avoids: positions from a sequence, taken at insert time, where a transaction that
 * took a lower position commits after one that took a higher position and a follower that already moved past skips
 * it.) Serialising writers costs little because each batch takes the lock once, however many requests it carries.
 *
 * Two ways to write a batch, both under the lock:
 *
 * - one round trip, the usual case: the batch is planned against the premises of postgres.batch-premises.ts (the tail
 *   the batches sent before it leave, the revisions the requests expect) and sent pipelined — BEGIN + lock, the append
 *   guarded by those premises, COMMIT — on the writer's own connection, behind the batch in front if that one is not
 *   answered yet. The lock is then held for the server's work and its WAL flush only, not for a round trip back to
 *   this process and its busy event loop, and the server commits one batch while this process decides the next.
 * - read, then write: when the tail is not known (first batch, after a failure), a request names no revision, or the
 *   premises did not hold (another process wrote, an event id is a retry, the batch in front was not written as
 *   planned): BEGIN + lock → read tail, recorded ids, revisions → plan → append → COMMIT, alone on the connection.
 */
import type { Pool, PoolClient } from 'pg';
import type { AppendResult, StreamRevision } from '../event-store.port';
import type { RequestOutcome } from '../group-commit.queue';
import { laterOf } from '../recorded-at';
import {
  BatchPlan,
  EMPTY_LOG_TAIL,
  LogState,
  LogTail,
  planBatch,
  PreparedRequest,
  RecordedIdentity,
} from './postgres.batch-plan';
import { batchPremises, premiseParameters } from './postgres.batch-premises';
import { toColumnArrays, toSafeInteger } from './postgres.event-row';
import { underLogLock } from './postgres.log-lock';
import type { PostgresLogNames } from './postgres.log-names';
import type { PostgresStatements } from './postgres.statements';
import { takeConnection, TakenConnection } from './postgres.taken-connection';

/** PostgreSQL's SQLSTATEs for unique_violation and invalid_sql_statement_name. */
const UNIQUE_VIOLATION = '23505';
const NO_SUCH_PREPARED_STATEMENT = '26000';

interface WriteStateRow {
  tail: { position: number; hash: string; recordedAt: string } | null;
  recorded: { eventId: string; position: number; streamId: string; type: string }[];
  revisions: { streamId: string; revision: number }[];
}

export class PostgresBatchWriter {
  /**
   * The tail once every batch sent so far is written as planned: a batch that finds it set is planned on it and sent
   * at once, behind the one in front before that one is answered. Set only by the batch started last, so that no batch
   * overtakes one started before it; cleared by a batch not written as planned.
   */
  private plannedTail: LogTail | undefined;
  /** The tail the batches written or refused so far left, when known: where a batch that waited for them plans. */
  private settledTail: LogTail | undefined;
  private batchesStarted = 0;
  /** Settles once every batch started so far is written or refused, its read-then-write included. */
  private allSettled: Promise<void> = Promise.resolve();
  /** The writer's connection while batches planned on premises are in flight on it, one behind another. */
  private pipelined: PipelinedConnection | undefined;

  /** @param writerPool one connection, in pipeline mode: the batches' transactions, one behind another */
  constructor(
    private readonly writerPool: Pool,
    private readonly names: PostgresLogNames,
    private readonly statements: PostgresStatements,
    private readonly clock: () => Date,
  ) {}

  /** One outcome per request, in order; rejects when the transaction as a whole failed (nothing was written). */
  writeBatch(batch: readonly PreparedRequest[]): Promise<RequestOutcome<AppendResult>[]> {
    const written = this.write(batch, ++this.batchesStarted, this.allSettled);
    this.allSettled = written.then(settledAlike, settledAlike);
    return written;
  }

  /** @param before settles once every batch started before this one is written or refused */
  private async write(
    batch: readonly PreparedRequest[],
    started: number,
    before: Promise<void>,
  ): Promise<RequestOutcome<AppendResult>[]> {
    const pipelined = this.plannedTail && batchPremises(batch, this.plannedTail);
    this.plannedTail = undefined;
    const outcomes = pipelined && (await this.writeOnPremises(batch, pipelined, started));
    if (outcomes) return outcomes;
    await before; // written after every batch started before it, as they were started
    const settled = this.settledTail && batchPremises(batch, this.settledTail);
    const afterThem = settled && (await this.writeOnPremises(batch, settled, started));
    if (afterThem) return afterThem;
    const plan = await this.readThenWrite(batch).catch((error: unknown) => {
      this.settledTail = undefined;
      throw error;
    });
    this.settledTail = plan.tail;
    if (started === this.batchesStarted) this.plannedTail = plan.tail;
    return plan.outcomes;
  }

  /** The outcomes of the batch planned on these premises and written; undefined when they did not hold. */
  private async writeOnPremises(
    batch: readonly PreparedRequest[],
    premises: LogState,
    started: number,
  ): Promise<RequestOutcome<AppendResult>[] | undefined> {
    const plan = this.plan(batch, premises);
    // A batch behind this one may be planned on its tail only if that tail tells whether this one was written.
    if (plan.events.length > 0 && started === this.batchesStarted) this.plannedTail = plan.tail;
    const written = await this.writeIfUnchanged(batch, plan, premises).catch((error: unknown) => {
      this.plannedTail = this.settledTail = undefined;
      throw error;
    });
    if (written) {
      this.settledTail = plan.tail;
      return plan.outcomes;
    }
    // Every batch sent behind this one finds its premises broken too; the log's tail is known again once read.
    this.plannedTail = this.settledTail = undefined;
    return undefined;
  }

  /** Whether the plan was written; false when its premises did not hold and nothing was written. */
  private async writeIfUnchanged(
    batch: readonly PreparedRequest[],
    plan: BatchPlan,
    premises: LogState,
  ): Promise<boolean> {
    const connection = (this.pipelined ??= new PipelinedConnection(this.writerPool));
    const client = await connection.take().catch((error: unknown) => {
      this.releasePipelined(connection);
      throw error;
    });
    // Sent together: the server runs them in order, and if the lock or the append fails the transaction is aborted,
    // so the COMMIT behind it rolls back and the connection is left idle — or running the next batch's transaction.
    const [locked, appended, committed] = await Promise.allSettled(
      inOneWrite(client, () => [
        client.query(this.statements.beginUnderLogLock),
        client.query<{ held: boolean }>({
          ...this.statements.appendIfUnchanged,
          values: [...this.appendParameters(plan), ...premiseParameters(batch, premises, plan)],
        }),
        client.query('COMMIT'),
      ]),
    );
    // A connection that could not even end the transaction is discarded, not reused.
    if (committed.status === 'rejected') connection.discard(asError(committed.reason));
    this.releasePipelined(connection);
    if (locked.status === 'rejected') throw locked.reason;
    if (appended.status === 'rejected') {
      // A premise the unique indexes check did not hold (postgres.batch-premises.ts), or the batch in front failed
      // before the server had prepared the statement this one was sent to run (node-postgres sends it prepared once a
      // connection): nothing was written, and the batch is planned again from a read.
      if (isPremiseFailure(appended.reason)) return false;
      throw appended.reason;
    }
    if (committed.status === 'rejected') throw committed.reason;
    // COMMIT of a transaction that was aborted answers ROLLBACK instead of failing.
    if (committed.value.command !== 'COMMIT') throw new Error(`the batch's COMMIT answered ${committed.value.command}`);
    return appended.value.rows[0].held;
  }

  private releasePipelined(connection: PipelinedConnection): void {
    if (connection.putBack() && this.pipelined === connection) this.pipelined = undefined;
  }

  private readThenWrite(batch: readonly PreparedRequest[]): Promise<BatchPlan> {
    return underLogLock(this.writerPool, this.names, async (client) => {
      const plan = this.plan(batch, await this.readState(client, batch));
      if (plan.events.length > 0) {
        await client.query({ ...this.statements.appendEvents, values: this.appendParameters(plan) });
      }
      return plan;
    });
  }

  private plan(batch: readonly PreparedRequest[], state: LogState): BatchPlan {
    return planBatch(batch, state, laterOf(this.clock().toISOString(), state.tail.recordedAt));
  }

  /** $1–$11 of appendEvents and appendIfUnchanged. */
  private appendParameters(plan: BatchPlan): unknown[] {
    return [...toColumnArrays(plan.events), this.names.commitChannel];
  }

  private async readState(client: PoolClient, batch: readonly PreparedRequest[]): Promise<LogState> {
    const eventIds = batch.flatMap((request) => request.flatMap(({ events }) => events.map((e) => e.eventId)));
    const streamIds = [...new Set(batch.flatMap((request) => request.map(({ streamId }) => streamId)))];
    const { rows } = await client.query<WriteStateRow>({
      ...this.statements.readWriteState,
      values: [eventIds, streamIds],
    });
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

/**
 * Queries sent on a pipelined connection, written to its socket at once: one system call instead of one a query, and
 * the server's backend woken once, with the whole transaction to run, instead of for each part of it.
 */
function inOneWrite<T>(client: PoolClient, send: () => T): T {
  const socket = client.connection.stream;
  socket.cork();
  try {
    return send();
  } finally {
    socket.uncork();
  }
}

/**
 * The writer's one connection, taken from its pool once for every batch sent on it while any is in flight, and given
 * back when the last is answered: a read-then-write waits for it in the pool, and so runs alone.
 */
class PipelinedConnection {
  private readonly taken: Promise<TakenConnection>;
  private users = 0;
  private discarded: Error | undefined;

  constructor(pool: Pool) {
    this.taken = takeConnection(pool);
  }

  async take(): Promise<PoolClient> {
    this.users += 1;
    return (await this.taken).client;
  }

  discard(reason: Error): void {
    this.discarded ??= reason;
  }

  /** True when this was its last user and the connection went back to the pool (or was never had). */
  putBack(): boolean {
    this.users -= 1;
    if (this.users > 0) return false;
    this.taken.then(
      ({ giveBack }) => giveBack(this.discarded),
      () => undefined, // never connected: nothing to give back; the one who took it was told
    );
    return true;
  }
}

function settledAlike(): void {}

function isPremiseFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === UNIQUE_VIOLATION || code === NO_SUCH_PREPARED_STATEMENT;
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}
