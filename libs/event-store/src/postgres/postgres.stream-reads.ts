/**
 * Whole-stream reads (forwards, from a revision, no limit: what command handlers fold) asked for in the same turn of
 * the event loop are answered by one statement. When a group commit is acknowledged its commands go on at once, each
 * reading the streams of its next decision, so such reads come in bursts; one statement for a burst is one round
 * trip, one socket write and one result to parse instead of one each. Every read still sees every commit acknowledged
 * before it was asked for: the statement runs after it was queued.
 */
import type { Pool } from 'pg';
import type { RecordedEvent, StreamRevision } from '../event-store.port';
import { EventRow, toRecordedEvent } from './postgres.event-row';
import type { NamedStatement } from './postgres.statements';

interface QueuedRead {
  streamId: string;
  fromRevision: StreamRevision;
  resolve: (events: RecordedEvent[]) => void;
  reject: (error: unknown) => void;
}

/** Enough for any burst a process's commands make; a larger one is split. */
const MAX_STREAMS_PER_STATEMENT = 500;

export class StreamReads {
  private queued: QueuedRead[] = [];

  /** @param statement $1 stream ids, $2 their first revisions → rows with `request`, the index of the read */
  constructor(
    private readonly pool: Pool,
    private readonly statement: NamedStatement,
  ) {}

  read(streamId: string, fromRevision: StreamRevision): Promise<RecordedEvent[]> {
    return new Promise((resolve, reject) => {
      if (this.queued.length === 0) setImmediate(() => this.flush());
      this.queued.push({ streamId, fromRevision, resolve, reject });
    });
  }

  private flush(): void {
    const queued = this.queued;
    this.queued = [];
    for (let start = 0; start < queued.length; start += MAX_STREAMS_PER_STATEMENT) {
      void this.answer(queued.slice(start, start + MAX_STREAMS_PER_STATEMENT));
    }
  }

  /** Never rejects: a failed statement rejects each of its reads. */
  private async answer(reads: QueuedRead[]): Promise<void> {
    try {
      const { rows } = await this.pool.query<EventRow & { request: number }>({
        ...this.statement,
        values: [reads.map((read) => read.streamId), reads.map((read) => read.fromRevision)],
      });
      const events = reads.map((): RecordedEvent[] => []);
      for (const row of rows) events[row.request].push(toRecordedEvent(row));
      reads.forEach((read, index) => read.resolve(events[index]));
    } catch (error) {
      for (const read of reads) read.reject(error);
    }
  }
}
