/**
 * Reads the ledger's log, its streams and the chain heads from KurrentDB (the client calls of the read side).
 *
 * The log is `$all` read with the ledger's server-side stream-name filter (kurrentdb.streams.ts), so `maxCount`
 * counts ledger events only. Client calls: `readAll({ fromPosition, direction, maxCount, filter })` and
 * `readStream(name, { fromRevision, direction, maxCount })` (dist/streams/readAll.d.ts, readStream.d.ts), both async
 * iterables of resolved events; `readStream` of a missing stream throws StreamNotFoundError.
 */
import { BACKWARDS, END, FORWARDS, KurrentDBClient, START, StreamNotFoundError } from '@kurrent/kurrentdb-client';
import type { LogPosition, ReadStreamOptions, StreamRevision } from '../event-store.port';
import { NO_STREAM_REVISION } from '../expected-revision';
import { ChainHead, parseChainHead } from './kurrentdb.chain';
import { fromRecordedEvent, KurrentRecordedEvent, StoredLedgerEvent } from './kurrentdb.event-mapping';
import { isAfter, readStartAfter, toLogPosition } from './kurrentdb.positions';
import { toStreamRevision } from './kurrentdb.revisions';
import { LedgerStreams, toKurrentStream } from './kurrentdb.streams';

export interface RecordedChainHead {
  head: ChainHead;
  /** Its revision in the chain stream. */
  revision: StreamRevision;
}

export class KurrentDbLogReader {
  constructor(
    private readonly client: KurrentDBClient,
    private readonly streams: LedgerStreams,
  ) {}

  /** The log's events with position > after, in log order, at most maxCount. */
  async readAfter(after: LogPosition, maxCount?: number): Promise<StoredLedgerEvent[]> {
    if (maxCount !== undefined && maxCount <= 0) return [];
    const fromPosition = readStartAfter(after);
    // Reading from a position includes the event there, so one more is asked for and that one dropped.
    const asked = maxCount === undefined ? undefined : maxCount + (fromPosition === START ? 0 : 1);
    const events = await this.collect(
      this.client.readAll({ fromPosition, direction: FORWARDS, filter: this.streams.filter, maxCount: asked }),
    );
    const after_ = events.filter((event) => isAfter(event.position, after));
    return maxCount === undefined ? after_ : after_.slice(0, maxCount);
  }

  /** The position of the log's last event, 0 when it has none. */
  async headPosition(): Promise<LogPosition> {
    for await (const resolved of this.client.readAll({
      fromPosition: END,
      direction: BACKWARDS,
      filter: this.streams.filter,
      maxCount: 1,
    })) {
      if (resolved.event) return toLogPosition(resolved.event.position, `event ${resolved.event.id}`);
    }
    return 0;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredLedgerEvent[]> {
    if (options.maxCount !== undefined && options.maxCount <= 0) return [];
    const backwards = options.direction === 'backwards';
    const fromRevision =
      options.fromRevision === undefined ? (backwards ? END : START) : BigInt(Math.max(0, options.fromRevision));
    return this.readKurrentStream(toKurrentStream(this.streams, streamId), {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision,
      maxCount: options.maxCount,
    });
  }

  async readKurrentStream(
    name: string,
    options: {
      direction: typeof FORWARDS | typeof BACKWARDS;
      fromRevision: bigint | typeof START | typeof END;
      maxCount?: number;
    },
  ): Promise<StoredLedgerEvent[]> {
    try {
      return await this.collect(this.client.readStream(name, options));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  /** The revision of the stream's last event, -1 when it has none. */
  async streamRevision(kurrentStream: string): Promise<StreamRevision> {
    try {
      for await (const resolved of this.client.readStream(kurrentStream, {
        fromRevision: END,
        direction: BACKWARDS,
        maxCount: 1,
      })) {
        if (resolved.event) return toStreamRevision(resolved.event.revision, `stream ${kurrentStream}`);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return NO_STREAM_REVISION;
  }

  /** The chain heads recorded after revision `afterRevision` of the chain stream (all of them by default). */
  async chainHeadsAfter(afterRevision: StreamRevision = NO_STREAM_REVISION): Promise<RecordedChainHead[]> {
    const heads: RecordedChainHead[] = [];
    try {
      for await (const resolved of this.client.readStream(this.streams.chainStream, {
        fromRevision: BigInt(afterRevision + 1),
        direction: FORWARDS,
      })) {
        const event = resolved.event;
        if (!event) continue;
        const revision = toStreamRevision(event.revision, this.streams.chainStream);
        const where = `revision ${revision} of ${this.streams.chainStream}`;
        heads.push({ head: parseChainHead(event.isJson ? event.data : undefined, where), revision });
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return heads;
  }

  private async collect(resolvedEvents: AsyncIterable<{ event?: KurrentRecordedEvent }>): Promise<StoredLedgerEvent[]> {
    const events: StoredLedgerEvent[] = [];
    for await (const resolved of resolvedEvents) {
      if (resolved.event) events.push(fromRecordedEvent(this.streams, resolved.event));
    }
    return events;
  }
}
