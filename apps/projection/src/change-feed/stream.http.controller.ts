import { say } from '@ledger/domain/shared/sentence';
import {
  BeforeApplicationShutdown,
  Controller,
  Get,
  Headers,
  Inject,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ChangeFeed,
  ChangeFeedEntry,
  covers,
  CurrentPrincipal,
  decimalIntegerOf,
  LEDGER_CONFIG,
  LedgerConfig,
  MinPositionGuard,
  Principal,
  Roles,
} from '@ledger/platform';
import { badQueryParameter } from '../shared/as-of';
import { StreamQuery } from './stream.query.dto';

/**
 * The stream's names of the feed's kinds (API.md): a funding boundary is `funding-boundary` here, as the API documents
 * it, while the feed itself and its Kafka topic (ledger.funding.v1, whose shape stays) call it `funding`. `?kind=funding`,
 * the spelling the stream answered and accepted before 2026-12-03, is still read as `funding-boundary`.
 */
const streamKind = (feedKind: string): string => (feedKind === 'funding' ? 'funding-boundary' : feedKind);
const feedKind = (streamKind: string): string => (streamKind === 'funding-boundary' ? 'funding' : streamKind);

/** One message: every change one log position made, in the kinds asked for. */
export interface StreamMessage {
  position: number;
  recordedAt: string;
  changes: Array<Omit<ChangeFeedEntry, 'scope'>>;
}

/**
 * The projections' change feed (@ledger/platform's ChangeFeed, the one the Kafka publisher also hears) as server-sent
 * events: one message per log position (`id:` that position), so a client that reconnects with `Last-Event-ID` gets
 * what changed after it: the feed's catch-up from the read models (entities changed since, as they are now), then live;
 * a heartbeat comment keeps idle connections open.
 */
@ApiTags('stream')
@ApiBearerAuth()
@Controller('v1/stream')
@UseGuards(MinPositionGuard)
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
      '`kind=consortium,zone` and `id=` filter (`funding`, the spelling of `funding-boundary` before 2026-12-03, is ' +
      'read as it). Each message is `id: <position>`, `event: change`, `data: { position, ' +
      'recordedAt, changes: [{ kind, id, position, recordedAt, state }] }` with `state` as the API shows it. ' +
      '`Last-Event-ID: <position>` resumes after it: the entities changed since, as they are now, then live. The first ' +
      'message of a stream without it is `event: ready` with the position it starts after. `minPosition`, as on every ' +
      'query, waits (up to 5 s, then 503) until the read models have processed it before the stream opens.',
  })
  stream(
    @Query() query: StreamQuery,
    @Headers('last-event-id') lastEventId: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): void {
    const resumed = lastEventId === undefined || lastEventId === '';
    const after = resumed ? undefined : decimalIntegerOf(lastEventId);
    if (!resumed && (after === undefined || after < 0)) {
      throw badQueryParameter('Last-Event-ID', say`must be a log position (a whole number ≥ 0)`);
    }
    const known = this.feed.kinds();
    const kinds = query.kind ? [...new Set(query.kind.split(',').map((k) => feedKind(k.trim())))] : known;
    if (kinds.some((k) => !known.includes(k))) {
      throw badQueryParameter('kind', say`must be among ${known.map(streamKind).join(', ')}`);
    }

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const write = (text: string) => void raw.write(text);
    let sent = after ?? this.feed.position(kinds);
    // Entries come one at a time, in position order; those of one position go out as one message.
    let message: StreamMessage | undefined;
    const flush = () => {
      if (!message) return;
      write(`id: ${message.position}\nevent: change\ndata: ${JSON.stringify(message)}\n\n`);
      sent = Math.max(sent, message.position);
      message = undefined;
    };
    const take = (entry: ChangeFeedEntry) => {
      if (query.id !== undefined && entry.id !== query.id) return;
      if (!withinJurisdiction(principal, entry)) return;
      if (message && message.position !== entry.position) flush();
      if (!message) {
        message = { position: entry.position, recordedAt: entry.recordedAt, changes: [] };
        setImmediate(flush);
      }
      const { scope: _scope, ...change } = entry;
      message.changes.push({ ...change, kind: streamKind(entry.kind) });
    };
    const heartbeat = setInterval(() => write(`: heartbeat ${sent}\n\n`), this.config.streamHeartbeatMs);
    const close = () => {
      unsubscribe();
      clearInterval(heartbeat);
      this.open.delete(close);
      if (!raw.writableEnded) raw.end();
    };
    write('retry: 2000\n\n');
    if (after === undefined) write(`id: ${sent}\nevent: ready\ndata: ${JSON.stringify({ position: sent })}\n\n`);
    // With Last-Event-ID, the feed catches up first: every entity changed after it, as it is now, then live.
    const unsubscribe = this.feed.subscribe(take, {
      kinds,
      ...(after !== undefined && { fromPosition: after + 1 }),
      onError: () => close(),
    });
    this.open.add(close);
    request.raw.once('close', close);
  }

  /** Open streams would keep the server from closing: they end first. */
  beforeApplicationShutdown(): void {
    for (const close of [...this.open]) close();
  }
}

/**
 * A scoped user hears the changes of their jurisdiction alone (jurisdiction.ts), judged on the keys the entry's read
 * model is scoped by (a subsidy's: its consortium's region now); an entry without them (a funding boundary: it may
 * count grants of several consortia) only reaches users without a jurisdiction.
 */
function withinJurisdiction({ jurisdiction }: Principal, entry: ChangeFeedEntry): boolean {
  if (jurisdiction === undefined) return true;
  return entry.scope !== undefined && covers(jurisdiction, entry.scope);
}
