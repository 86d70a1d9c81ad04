/**
 * The hash chain on KurrentDB, as pure functions over events in `$all` order.
 *
 * KurrentDB assigns positions itself, so a hash cannot be computed when an event is appended without serialising every
 * writer on one lock. Instead a chain follower (kurrentdb.chain-follower.ts) reads the log in commit order, chains
 * the events with the shared `eventHash` (hash-chain.ts: the same text as every adapter hashes; the data text is the
 * stored JSON, see kurrentdb.event-mapping.ts) and, after every `every`-th event of the log, records the chain head —
 * { count, position, hash, every } — in the chain stream. Verification re-walks the log from the genesis hash and
 * compares the walk with every recorded head.
 *
 * What a head proves: the `count` events up to `position` are, in order, exactly those that were chained when it was
 * recorded. A change, removal or insertion before a head is found at that head; it is reported at the first position
 * after the last head that still matches (the chain does not know which event inside that window changed). Events
 * after the last recorded head are chained, but nothing recorded covers them yet.
 */
import type { ChainVerification, LogPosition } from '../event-store.port';
import { ChainedEventContent, ChainLink, eventHash, GENESIS_HASH } from '../hash-chain';

export const CHAIN_HEAD_EVENT_TYPE = 'ledger.chain-head';

/** The chain after `count` events of the log, the last of them at `position` (the genesis: 0, 0, GENESIS_HASH). */
export interface ChainState {
  count: number;
  position: LogPosition;
  hash: string;
}

/** A chain state recorded in the chain stream, with the interval heads were recorded at. */
export interface ChainHead extends ChainState {
  every: number;
}

export const GENESIS_STATE: ChainState = { count: 0, position: 0, hash: GENESIS_HASH };

/** Chains `events` (in log order, after `state`): each event's link, and the chain after the last. */
export function extendChain(
  state: ChainState,
  events: readonly ChainedEventContent[],
): { links: ChainLink[]; state: ChainState } {
  const links: ChainLink[] = [];
  let current = state;
  for (const event of events) {
    if (event.position <= current.position) {
      throw new Error(`log read out of order: position ${event.position} after ${current.position}`);
    }
    const hash = eventHash(current.hash, event);
    links.push({ ...event, hash });
    current = { count: current.count + 1, position: event.position, hash };
  }
  return { links, state: current };
}

/** Chains `events` after `state` and answers the heads due: one after each event whose count is a multiple of `every`. */
export function headsDue(
  state: ChainState,
  events: readonly ChainedEventContent[],
  every: number,
): { heads: ChainHead[]; state: ChainState } {
  assertInterval(every);
  const { links, state: after } = extendChain(state, events);
  const heads = links
    .map((link, index) => ({ count: state.count + index + 1, position: link.position, hash: link.hash, every }))
    .filter((head) => head.count % every === 0);
  return { heads, state: after };
}

export function chainHeadData(head: ChainHead): Record<string, unknown> {
  return { count: head.count, position: head.position, hash: head.hash, every: head.every };
}

/** A head as recorded in the chain stream; anything else there is refused. */
export function parseChainHead(data: unknown, where: string): ChainHead {
  const fields = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const { count, position, hash, every } = fields;
  if (
    !isCount(count) ||
    !isCount(position) ||
    !isCount(every) ||
    every === 0 ||
    typeof hash !== 'string' ||
    !/^[0-9a-f]{64}$/.test(hash)
  ) {
    throw new Error(`${where} is not a chain head: ${JSON.stringify(data)}`);
  }
  return { count, position, hash, every };
}

/**
 * Re-walks the log against the recorded heads: feed it the log's events page by page, in order, then `finish()`.
 * Stops at the first mismatch, which `verify` answers (and `finish` answers again).
 */
export class ChainWalkVerifier {
  private state: ChainState = GENESIS_STATE;
  private matched: ChainState = GENESIS_STATE;
  private firstAfterMatched: LogPosition | undefined;
  private nextHead = 0;
  private failure: ChainVerification | undefined;
  /** When the walk's last event was recorded (the head an intact walk answers). */
  private lastRecordedAt: string | undefined;

  constructor(private readonly heads: readonly ChainHead[]) {
    this.failure = headSequenceFailure(heads);
  }

  /** Checks the next events of the walk: the failure if one is found (then or before), else undefined. */
  verify(events: readonly ChainedEventContent[]): ChainVerification | undefined {
    for (const event of events) {
      if (this.failure) return this.failure;
      if (event.position <= this.state.position) {
        this.fail(event.position, `position ${event.position} follows position ${this.state.position}: out of order`);
        return this.failure;
      }
      this.firstAfterMatched ??= event.position;
      const head = this.heads[this.nextHead];
      if (head && event.position > head.position && this.state.count < head.count) {
        this.failHead(head, `the walk passes position ${head.position} after ${this.state.count} events`);
        return this.failure;
      }
      const hash = eventHash(this.state.hash, event);
      this.state = { count: this.state.count + 1, position: event.position, hash };
      this.lastRecordedAt = event.recordedAt;
      if (head && this.state.count === head.count) {
        if (this.state.position !== head.position || this.state.hash !== head.hash) {
          this.failHead(head, `the walk's event ${head.count} is at position ${event.position} with hash ${hash}`);
          return this.failure;
        }
        this.matched = this.state;
        this.firstAfterMatched = undefined;
        this.nextHead++;
      }
    }
    return this.failure;
  }

  finish(): ChainVerification {
    if (this.failure) return this.failure;
    const head = this.heads[this.nextHead];
    if (head) {
      return this.failHead(head, `the log ends after ${this.state.count} events, at position ${this.state.position}`);
    }
    const { count, position, hash } = this.state;
    if (count === 0 || this.lastRecordedAt === undefined) return { ok: true, checked: count };
    return { ok: true, checked: count, head: { position, hash, recordedAt: this.lastRecordedAt } };
  }

  private failHead(head: ChainHead, walk: string): ChainVerification {
    return this.fail(
      this.firstAfterMatched ?? head.position,
      `chain head ${head.count} records position ${head.position} and hash ${head.hash}, but ${walk}: an event after ` +
        `position ${this.matched.position} and up to position ${head.position} was changed, removed or inserted`,
    );
  }

  private fail(firstBrokenPosition: LogPosition, reason: string): ChainVerification {
    this.failure = { ok: false, checked: this.matched.count, firstBrokenPosition, reason };
    return this.failure;
  }
}

/** The heads must follow each other at their interval from the genesis: a missing or extra head is a broken chain. */
function headSequenceFailure(heads: readonly ChainHead[]): ChainVerification | undefined {
  let previous: ChainState = GENESIS_STATE;
  for (const head of heads) {
    if (head.count !== previous.count + head.every || head.position <= previous.position) {
      return {
        ok: false,
        checked: 0,
        firstBrokenPosition: previous.position + 1,
        reason:
          `the chain stream's head ${head.count} (position ${head.position}) does not follow head ${previous.count} ` +
          `(position ${previous.position}) at its interval of ${head.every}: a head was removed or inserted`,
      };
    }
    previous = head;
  }
  return undefined;
}

function assertInterval(every: number): void {
  if (!Number.isSafeInteger(every) || every < 1) throw new RangeError(`chain heads need an interval ≥ 1, got ${every}`);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
