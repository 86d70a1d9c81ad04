/** The SQL of one log, bound to its schema's names once. Every table name comes from postgres.log-names.ts. */
import type { PostgresLogNames } from './postgres.log-names';

const EVENT_COLUMNS =
  'position, stream_id, stream_revision, event_id, type, schema_version, data, metadata, recorded_at, hash';

/**
 * Opens a write transaction and takes the log lock, as its own statement. READ COMMITTED, whatever the database's
 * default: each later statement then takes its snapshot after the lock was granted, so it sees every commit made by
 * the previous holder (PostgreSQL makes a commit visible before it releases the committer's locks). Under REPEATABLE
 * READ the snapshot would be taken by this statement, before waiting, and the tail read later would be stale.
 */
export function beginUnderLogLock({ lockKeys: [classKey, logKey] }: PostgresLogNames): string {
  return `BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(${classKey}, ${logKey})`;
}

export interface PostgresStatements {
  beginUnderLogLock: string;
  /** $1 the batch's event ids, $2 its stream ids → one row: tail, recorded (json arrays), revisions. */
  readWriteState: string;
  /** $1–$10 the new events' columns as arrays, $11/$12 streams and their new revisions, $13 the commit channel. */
  appendEvents: string;
  streamForwards: string;
  streamBackwards: string;
  streamRevision: string;
  eventsAfter: string;
  headPosition: string;
}

export function statementsFor(names: PostgresLogNames): PostgresStatements {
  const { eventsTable, streamsTable } = names;
  return {
    beginUnderLogLock: beginUnderLogLock(names),
    // One round trip for everything the batch's decisions depend on.
    readWriteState: `
      SELECT
        (SELECT json_build_object('position', position, 'hash', hash, 'recordedAt', recorded_at)
           FROM ${eventsTable} ORDER BY position DESC LIMIT 1) AS tail,
        (SELECT COALESCE(json_agg(json_build_object(
                  'eventId', event_id, 'position', position, 'streamId', stream_id, 'type', type)), '[]'::json)
           FROM ${eventsTable} WHERE event_id = ANY($1::text[])) AS recorded,
        (SELECT COALESCE(json_agg(json_build_object('streamId', stream_id, 'revision', revision)), '[]'::json)
           FROM ${streamsTable} WHERE stream_id = ANY($2::text[])) AS revisions`,
    // One statement writes the batch: its events, its streams' revisions, and the notification (sent at commit).
    appendEvents: `
      WITH appended AS (
        INSERT INTO ${eventsTable} (${EVENT_COLUMNS})
        SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::integer[],
                             $7::text[], $8::text[], $9::text[], $10::text[])
      ), advanced AS (
        INSERT INTO ${streamsTable} (stream_id, revision)
        SELECT * FROM unnest($11::text[], $12::bigint[])
        ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision
      )
      SELECT pg_notify($13, '')`,
    streamForwards: `
      SELECT ${EVENT_COLUMNS} FROM ${eventsTable}
      WHERE stream_id = $1 AND stream_revision >= $2 ORDER BY stream_revision ASC LIMIT $3`,
    streamBackwards: `
      SELECT ${EVENT_COLUMNS} FROM ${eventsTable}
      WHERE stream_id = $1 AND stream_revision <= $2 ORDER BY stream_revision DESC LIMIT $3`,
    streamRevision: `SELECT revision FROM ${streamsTable} WHERE stream_id = $1`,
    eventsAfter: `SELECT ${EVENT_COLUMNS} FROM ${eventsTable} WHERE position > $1 ORDER BY position ASC LIMIT $2`,
    headPosition: `SELECT COALESCE(MAX(position), 0) AS head FROM ${eventsTable}`,
  };
}
