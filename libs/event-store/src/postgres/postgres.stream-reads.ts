/**
 * Whole-stream reads (forwards, from a revision, no limit: what command handlers fold), one statement at a time: a
 * read asked while none is running is sent once the code running now has finished — every promise it resolved and
 * every promise those resolved, with the reads they asked meanwhile: a command's streams read together, and all the
 * commands a commit resumed — and before any I/O; the reads asked while a statement runs wait for it and are then
 * answered together by the next. When a group commit is acknowledged its commands go on at once, each reading the
 * streams of its next decision, so such reads come in bursts; one statement for a burst is one round trip, one socket
 * write and one result to parse instead of one each, and a lone read waits for no I/O. Every read still sees every
 * commit acknowledged before it was asked for: its statement is sent after it was asked.
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
  private running = false;

  /**
   * @param oneStream $1 stream id, $2 first revision, $3 NULL → its events in revision order
   * @param severalStreams $1 stream ids, $2 their first revisions → rows with `request`, the index of the read
   */
  constructor(
    private readonly pool: Pool,
    private readonly oneStream: NamedStatement,
    private readonly severalStreams: NamedStatement,
  ) {}

  read(streamId: string, fromRevision: StreamRevision): Promise<RecordedEvent[]> {
    return new Promise((resolve, reject) => {
      this.queued.push({ streamId, fromRevision, resolve, reject });
      if (this.running) return;
      this.running = true;
      queueMicrotask(() => process.nextTick(() => void this.sendQueued()));
    });
  }

  /**
   * Sent from a tick queued by a microtask: Node runs it once the microtask queue is empty, after the promise chains
   * still running now (a commit resumes its commands one chain each, and a chain may take several microtasks to reach
   * its read; sent a microtask later, the first command's read went alone and the rest waited for it, which split each
   * group commit's commands into two batches). Never rejects: a failed statement rejects each of its reads.
   */
  private async sendQueued(): Promise<void> {
    while (this.queued.length > 0) {
      const reads = this.queued.splice(0, MAX_STREAMS_PER_STATEMENT);
      try {
        const answers = await this.answer(reads);
        reads.forEach((read, index) => read.resolve(answers[index]));
      } catch (error) {
        for (const read of reads) read.reject(error);
      }
    }
    this.running = false;
  }

  private async answer(reads: QueuedRead[]): Promise<RecordedEvent[][]> {
    if (reads.length === 1) {
      const [{ streamId, fromRevision }] = reads;
      const { rows } = await this.pool.query<EventRow>({ ...this.oneStream, values: [streamId, fromRevision, null] });
      return [rows.map(toRecordedEvent)];
    }
    const { rows } = await this.pool.query<EventRow & { request: number }>({
      ...this.severalStreams,
      values: [reads.map((read) => read.streamId), reads.map((read) => read.fromRevision)],
    });
    const answers = reads.map((): RecordedEvent[] => []);
    for (const row of rows) answers[row.request].push(toRecordedEvent(row));
    return answers;
  }
}
