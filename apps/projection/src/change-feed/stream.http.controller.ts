import { BeforeApplicationShutdown, Controller, Get, Headers, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ChangeFeed, ChangeFeedTopic, LEDGER_CONFIG, LedgerConfig, ReadModelChange, Roles } from '@ledger/platform';
import { badQueryParameter } from '../shared/as-of';
import { StreamQuery } from './stream.query.dto';
import { CHANGE_FEED_TOPICS } from './change-feed.topics';

/** One message: every change one log position made, in the kinds asked for. */
export interface StreamMessage {
  position: number;
  recordedAt: string;
  changes: Array<{ kind: string; id: string; position: number; recordedAt: string; state: unknown }>;
}

const KINDS = CHANGE_FEED_TOPICS.map((topic) => topic.kind);

/**
 * The projections' change feed as server-sent events: one message per log position (`id:` that position), so a client
 * that reconnects with `Last-Event-ID` gets everything after it once: subscribed first, then caught up from the read
 * models (documents changed since, as they are now), then live; a heartbeat comment keeps idle connections open.
 */
@ApiTags('stream')
@ApiBearerAuth()
@Controller('v1/stream')
export class StreamHttpController implements BeforeApplicationShutdown {
  private readonly open = new Set<() => void>();

  constructor(
    @Inject(ChangeFeed) private readonly feed: ChangeFeed,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  @Get()
  @Roles('viewer', 'finance')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'server-sent events, one message per log position (see the operation)',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiOperation({
    operationId: 'streamChanges',
    summary:
      'Server-sent events: every change the projections make (consortium, subsidy, funding-boundary, zone), one message per log position.',
    description:
      '`kind=consortium,zone` and `id=` filter. Each message is `id: <position>`, `event: change`, `data: { position, ' +
      'recordedAt, changes: [{ kind, id, position, recordedAt, state }] }` with `state` as the API shows it. ' +
      '`Last-Event-ID: <position>` resumes after it: the entities changed since, as they are now, then live. The first ' +
      'message of a stream without it is `event: ready` with the position it starts after.',
  })
  stream(
    @Query() query: StreamQuery,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): void {
    const after = lastEventId === undefined || lastEventId === '' ? undefined : Number(lastEventId);
    if (after !== undefined && (!Number.isSafeInteger(after) || after < 0)) {
      throw badQueryParameter('Last-Event-ID', 'must be a log position (a whole number ≥ 0)');
    }
    const kinds = query.kind ? query.kind.split(',').map((k) => k.trim()) : KINDS;
    const unknown = kinds.filter((k) => !KINDS.includes(k));
    if (unknown.length > 0) throw badQueryParameter('kind', `must be among ${KINDS.join(', ')}`);
    const topics = CHANGE_FEED_TOPICS.filter((topic) => kinds.includes(topic.kind));
    const byProjection = new Map<string, ChangeFeedTopic>(topics.map((topic) => [topic.projection, topic]));
    const projections = [...byProjection.keys()];
    const wanted = (change: ReadModelChange) =>
      byProjection.has(change.projection) && (query.id === undefined || change.id === query.id);

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    let caughtUp = false;
    const held: ReadModelChange[] = [];
    // Subscribed, then the position read in the same turn: every change is either published at or below `upto` (and
    // in the read models for the catch-up to find) or held here for after it. The catch-up sends what it finds at or
    // below `upto`, the held changes what comes after: each position once, in order.
    const unsubscribe = this.feed.subscribe((changes) => (caughtUp ? send(changes) : held.push(...changes)));
    const upto = this.feed.position(projections);
    const startedAt = after ?? upto;
    let sent = startedAt;
    const write = (text: string) => void raw.write(text);
    const send = (changes: ReadModelChange[]) => {
      for (const message of byPosition(changes.filter(wanted), byProjection)) {
        if (message.position <= sent) continue;
        sent = message.position;
        write(`id: ${message.position}\nevent: change\ndata: ${JSON.stringify(message)}\n\n`);
      }
    };
    const heartbeat = setInterval(() => write(`: heartbeat ${sent}\n\n`), this.config.streamHeartbeatMs);
    const close = () => {
      unsubscribe();
      clearInterval(heartbeat);
      this.open.delete(close);
      if (!raw.writableEnded) raw.end();
    };
    this.open.add(close);
    request.raw.once('close', close);

    write('retry: 2000\n\n');
    if (after === undefined)
      write(`id: ${startedAt}\nevent: ready\ndata: ${JSON.stringify({ position: startedAt })}\n\n`);
    void (async () => {
      try {
        for await (const page of this.feed.since(startedAt, projections)) {
          send(page.filter((change) => change.position <= upto));
        }
        caughtUp = true;
        send(held.splice(0).filter((change) => change.position > upto));
      } catch {
        close();
      }
    })();
  }

  /** Open streams would keep the server from closing: they end first. */
  beforeApplicationShutdown(): void {
    for (const close of [...this.open]) close();
  }
}

/** Changes grouped by log position, in order; each shown as the API shows its entity. */
function byPosition(changes: ReadModelChange[], topics: ReadonlyMap<string, ChangeFeedTopic>): StreamMessage[] {
  const messages = new Map<number, StreamMessage>();
  for (const change of [...changes].sort((a, b) => a.position - b.position)) {
    const topic = topics.get(change.projection)!;
    let message = messages.get(change.position);
    if (!message) {
      message = { position: change.position, recordedAt: change.recordedAt, changes: [] };
      messages.set(change.position, message);
    }
    message.changes.push({
      kind: topic.kind,
      id: change.id,
      position: change.position,
      recordedAt: change.recordedAt,
      state: topic.view(change.state),
    });
  }
  return [...messages.values()];
}
