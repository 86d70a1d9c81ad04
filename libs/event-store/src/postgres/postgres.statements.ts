/**
 * The SQL of one log, bound to its schema's names once. Every table name comes from postgres.log-names.ts.
 *
 * Each statement is named: node-postgres prepares it once per connection and then only binds and executes it, so the
 * server parses and plans it once per connection instead of on every call. A pool serves one log, so the names need
 * only be unique within a store.
 */
import type { PostgresLogNames } from './postgres.log-names';

const EVENT_COLUMNS =
  'position, stream_id, stream_revision, event_id, type, schema_version, data, metadata, recorded_at, hash';

export interface NamedStatement {
  name: string;
  text: string;
}

/**
 * Opens a write transaction and takes the log lock, as its own statement. READ COMMITTED, whatever the database's
 * default: each later statement then takes its snapshot after the lock was granted, so it sees every commit made by
 * the previous holder (PostgreSQL makes a commit visible before it releases the committer's locks). Under REPEATABLE
 * READ the snapshot would be taken by this statement, before waiting, and the tail read later would be stale.
 *
 * Sequential scans are off for the transaction: the write statements look up batches of ids (`= ANY($n)`), and a
 * generic plan made while the log was small, where scanning it was cheapest, is kept until the table is next analysed —
 * in the SLW-1 bench the premises check scanned the whole log on every batch that way (1,860 pages a batch at 30,000
 * events). With scans off every plan made here uses the indexes, whatever the table's size when it was made. A setting
 * of this transaction only (SET LOCAL), not of the server.
 */
export function beginUnderLogLock({ lockKeys: [classKey, logKey] }: PostgresLogNames): string {
  return (
    'BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL enable_seqscan = off; ' +
    `SELECT pg_advisory_xact_lock(${classKey}, ${logKey})`
  );
}

export interface PostgresStatements {
  beginUnderLogLock: string;
  /** $1 the batch's event ids, $2 its stream ids → one row: tail, recorded (json arrays), revisions (those that exist). */
  readWriteState: NamedStatement;
  /**
   * $1–$10 the new events' columns, as arrays but for $7/$8 (data, metadata: postgres.event-row.ts, toColumnArrays),
   * $11 the commit channel.
   */
  appendEvents: NamedStatement;
  /**
   * appendEvents when, and only when, the log is as the batch was planned against (postgres.batch-premises.ts): $1–$11
   * as appendEvents, then the premises it checks itself: $12/$13 the tail's position and hash (NULL, NULL: an empty
   * log), $14/$15 the streams the batch writes that were planned at a revision (not at "no stream") and that revision,
   * which must be recorded, $16/$17 the streams it only checks and the revision each must be at (-1: no stream), $18
   * the event ids of the requests the plan refused (none may be recorded). → one row, `held`: whether those held and
   * the events were written. The other premises are the unique indexes' to check, as the rows go in: a recorded event
   * id, or a written stream past its planned revision, fails the statement with unique_violation (see
   * postgres.batch-writer.ts).
   */
  appendIfUnchanged: NamedStatement;
  /**
   * Several streams whole from a revision, for postgres.stream-reads.ts: $1 stream ids, $2 the first revision of each →
   * their events, in the order asked, each stream's in revision order, each row with `request`, the index in $1.
   */
  wholeStreams: NamedStatement;
  streamForwards: NamedStatement;
  streamBackwards: NamedStatement;
  streamRevision: NamedStatement;
  streamRevisions: NamedStatement;
  eventsAfter: NamedStatement;
  streamIds: NamedStatement;
  headPosition: NamedStatement;
}

/**
 * A stream's revision is its last event's: the (stream_id, stream_revision) index's last entry for it, one descent. No
 * table of revisions to keep up to date as well (it was, until 2026-12: an upsert of a row per stream written, which cost
 * the server about as much as the events' own inserts).
 */
function revisionOf(eventsTable: string, streamId: string): string {
  return `(SELECT stream_revision FROM ${eventsTable} WHERE stream_id = ${streamId} ORDER BY stream_revision DESC LIMIT 1)`;
}

/**
 * The insert of a batch; `written` is a condition every inserted row must meet (`true`: always). The columns' set
 * functions are in the select list, where they run in step, row by row, as ROWS FROM would zip them: in FROM, each
 * function's whole result would first be copied into a tuplestore of its own (ten a batch, each malloc'd and freed).
 */
function appendStatement({ eventsTable }: PostgresLogNames, written: string): string {
  return `
      appended AS (
        INSERT INTO ${eventsTable} (${EVENT_COLUMNS})
        SELECT
          unnest($1::bigint[]), unnest($2::text[]), unnest($3::bigint[]), unnest($4::text[]), unnest($5::text[]),
          unnest($6::integer[]), string_to_table($7::text, chr(30)), string_to_table($8::text, chr(30)),
          unnest($9::text[]), unnest($10::text[])
        WHERE ${written}
      )`;
}

export function statementsFor(names: PostgresLogNames): PostgresStatements {
  const { eventsTable } = names;
  return {
    beginUnderLogLock: beginUnderLogLock(names),
    // One round trip for everything the batch's decisions depend on.
    readWriteState: {
      name: 'ledger_read_write_state',
      text: `
      SELECT
        (SELECT json_build_object('position', position, 'hash', hash, 'recordedAt', recorded_at)
           FROM ${eventsTable} ORDER BY position DESC LIMIT 1) AS tail,
        (SELECT COALESCE(json_agg(json_build_object(
                  'eventId', event_id, 'position', position, 'streamId', stream_id, 'type', type)), '[]'::json)
           FROM ${eventsTable} WHERE event_id = ANY($1::text[])) AS recorded,
        (SELECT COALESCE(json_agg(json_build_object('streamId', stream_id, 'revision', revision)), '[]'::json)
           FROM (SELECT stream_id, ${revisionOf(eventsTable, 'asked.stream_id')} AS revision
                 FROM unnest($2::text[]) AS asked (stream_id)) AS known
           WHERE revision IS NOT NULL) AS revisions`,
    },
    // One statement writes the batch: its events and the notification (sent at commit).
    appendEvents: {
      name: 'ledger_append_events',
      text: `WITH ${appendStatement(names, 'true')} SELECT pg_notify($11, '')`,
    },
    appendIfUnchanged: {
      name: 'ledger_append_if_unchanged',
      text: `
      WITH tail AS (
        SELECT position, hash FROM ${eventsTable} ORDER BY position DESC LIMIT 1
      ), premises AS (
        SELECT (SELECT position FROM tail) IS NOT DISTINCT FROM $12::bigint
           AND (SELECT hash FROM tail) IS NOT DISTINCT FROM $13::text
           AND NOT EXISTS (
             SELECT FROM unnest($14::text[], $15::bigint[]) AS written (stream_id, revision)
             WHERE NOT EXISTS (
               SELECT FROM ${eventsTable} WHERE stream_id = written.stream_id AND stream_revision = written.revision))
           AND NOT EXISTS (
             SELECT FROM unnest($16::text[], $17::bigint[]) AS checked (stream_id, revision)
             WHERE COALESCE(${revisionOf(eventsTable, 'checked.stream_id')}, -1) <> checked.revision)
           AND NOT EXISTS (SELECT FROM ${eventsTable} WHERE event_id = ANY($18::text[])) AS held
      ), ${appendStatement(names, '(SELECT held FROM premises)').trimStart()}
      SELECT held, CASE WHEN held THEN pg_notify($11, '') END AS notified FROM premises`,
    },
    // The lateral subquery keeps its ORDER BY, so PostgreSQL cannot fold it into a join: one index range per stream.
    wholeStreams: {
      name: 'ledger_whole_streams',
      text: `
      SELECT (asked.ordinality - 1)::integer AS request, stream.*
      FROM unnest($1::text[], $2::bigint[]) WITH ORDINALITY AS asked (stream_id, from_revision, ordinality)
      CROSS JOIN LATERAL (
        SELECT ${EVENT_COLUMNS} FROM ${eventsTable}
        WHERE stream_id = asked.stream_id AND stream_revision >= asked.from_revision ORDER BY stream_revision
      ) AS stream
      ORDER BY asked.ordinality, stream.stream_revision`,
    },
    streamForwards: {
      name: 'ledger_stream_forwards',
      text: `
      SELECT ${EVENT_COLUMNS} FROM ${eventsTable}
      WHERE stream_id = $1 AND stream_revision >= $2 ORDER BY stream_revision ASC LIMIT $3`,
    },
    streamBackwards: {
      name: 'ledger_stream_backwards',
      text: `
      SELECT ${EVENT_COLUMNS} FROM ${eventsTable}
      WHERE stream_id = $1 AND stream_revision <= $2 ORDER BY stream_revision DESC LIMIT $3`,
    },
    streamRevision: {
      name: 'ledger_stream_revision',
      text: `SELECT stream_revision AS revision FROM ${eventsTable}
             WHERE stream_id = $1 ORDER BY stream_revision DESC LIMIT 1`,
    },
    // One descent of the index a stream, in the order given (WITH ORDINALITY).
    streamRevisions: {
      name: 'ledger_stream_revisions',
      text: `SELECT ${revisionOf(eventsTable, 'ids.id')} AS revision
             FROM unnest($1::text[]) WITH ORDINALITY AS ids(id, n) ORDER BY ids.n`,
    },
    eventsAfter: {
      name: 'ledger_events_after',
      text: `SELECT ${EVENT_COLUMNS} FROM ${eventsTable} WHERE position > $1 ORDER BY position ASC LIMIT $2`,
    },
    streamIds: {
      name: 'ledger_stream_ids',
      text: `SELECT DISTINCT stream_id FROM ${eventsTable}`,
    },
    headPosition: {
      name: 'ledger_head_position',
      text: `SELECT COALESCE(MAX(position), 0) AS head FROM ${eventsTable}`,
    },
  };
}
