import { hash, randomFillSync } from 'node:crypto';
import { EventMetadata, EventToAppend } from '@ledger/event-store';
import { schemaVersionOf } from '../events/stored-events';
import { Jurisdiction } from '../auth/jurisdiction';
import { POLICY_CATALOGUE_VERSION } from '@ledger/domain/policies/ledger-interpretations';

/** Who asked, and which request: carried on every event the command records. */
export interface CommandMetadata extends EventMetadata {
  /** Business "today" (UTC+8) for decisions that need a clock: deadlines, lateness, dates not yet come. */
  today: string;
  /** The actor's jurisdiction (jurisdiction.ts): a command outside it is refused 403. Not recorded on events. */
  jurisdiction?: Jurisdiction;
}

export function newCommandMetadata(input: {
  actor: string;
  correlationId?: string;
  causationId?: string;
  commandId?: string;
  today: string;
  jurisdiction?: Jurisdiction;
}): CommandMetadata {
  const commandId = input.commandId ?? timeOrderedUuid();
  return {
    actor: input.actor,
    commandId,
    correlationId: input.correlationId ?? commandId,
    causationId: input.causationId ?? commandId,
    today: input.today,
    ...(input.jurisdiction && { jurisdiction: input.jurisdiction }),
  };
}

/** A UUID-shaped id derived from its parts: the same command always names the same events and entities. */
export function derivedId(...parts: string[]): string {
  return uuidShape(hash('sha256', parts.join('\u0000'), 'hex'), '5');
}

/**
 * The id of the entity a command creates (a consortium, a subsidy, a zone, a reconciliation): the same command always
 * names the same entity. A command id this server made (`timeOrderedUuid`) gives, as event ids do, its time prefix
 * and then a hash of the kind and the command id, so that entities created one after another sit side by side in
 * every index their id ends (the read models' lists order by date, then id): with ids at random places each new
 * consortium cost a page write in each of seven indexes (bench/README.md, fourteenth round). A command id derived from
 * a client's Idempotency-Key gives the id every earlier version derived (`derivedId`), so that a repeat sent after an
 * upgrade still names the entity its first attempt recorded.
 */
export function entityIdFor(kind: string, commandId: string): string {
  if (!isTimeOrderedUuid(commandId)) return derivedId(kind, commandId);
  return uuidShape(timePrefixOf(commandId) + hash('sha256', `${kind}\u0000${commandId}`, 'hex').slice(12), '8');
}

/** Whether an id has the shape `timeOrderedUuid` gives: a version 7 UUID. */
function isTimeOrderedUuid(id: string): boolean {
  return id.length === 36 && id[8] === '-' && id[13] === '-' && id[14] === '7' && id[18] === '-' && id[23] === '-';
}

/**
 * A version 7 UUID: 48 bits of milliseconds, then randomness. Command ids are time-ordered so that the event ids
 * derived from them (which keep the command id's first 48 bits) land near each other in the store's unique index.
 */
export function timeOrderedUuid(now = Date.now()): string {
  return uuidShape(now.toString(16).padStart(12, '0') + randomHex(10), '7');
}

/** Random bytes drawn from a pool refilled 4 KB at a time (as crypto.randomUUID does): not a call into OpenSSL an id. */
const randomPool = Buffer.alloc(4096);
let randomPoolOffset = randomPool.length;

function randomHex(bytes: number): string {
  if (randomPoolOffset + bytes > randomPool.length) {
    randomFillSync(randomPool);
    randomPoolOffset = 0;
  }
  randomPoolOffset += bytes;
  return randomPool.toString('hex', randomPoolOffset - bytes, randomPoolOffset);
}

/** An event id: the command id's time prefix, then a hash of the command id, the stream and the event's place. */
export function eventIdFor(commandId: string, streamId: string, index: number): string {
  return eventIdAfter(timePrefixOf(commandId), commandId, streamId, index);
}

/** The command id's first 12 hex digits, its time: read from a UUID's places, without a regular expression. */
function timePrefixOf(commandId: string): string {
  const uuidShaped = commandId.indexOf('-') === 8 && commandId.indexOf('-', 9) === 13;
  return uuidShaped ? commandId.slice(0, 8) + commandId.slice(9, 13) : commandId.replace(/-/g, '').slice(0, 12);
}

/** `eventIdFor`, the command id's prefix taken once for all the command's events. */
function eventIdAfter(prefix: string, commandId: string, streamId: string, index: number): string {
  // One-shot: no Hash object an event (~1.5 against ~4 µs here).
  const digest = hash('sha256', `${commandId}\u0000${streamId}\u0000${index}`, 'hex');
  return uuidShape(prefix + digest.slice(12), '8');
}

function uuidShape(hex: string, version: string): string {
  const variant = ((parseInt(hex[16], 16) & 3) | 8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${version}${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Domain events → events to append. Event ids derive from the command id and the event's place in the command's
 * output, so a retried command (same Idempotency-Key after a crash) is recognised by the store and not recorded twice.
 */
export function toEventsToAppend(
  events: ReadonlyArray<{ type: string; data: object }>,
  meta: CommandMetadata,
  streamId: string,
  metadata: EventMetadata = recordedMetadata(meta),
): EventToAppend[] {
  if (events.length === 0) return []; // a stream the command only read: checked at its revision
  const prefix = timePrefixOf(meta.commandId);
  return events.map((event, index) => ({
    eventId: eventIdAfter(prefix, meta.commandId, streamId, index),
    type: event.type,
    schemaVersion: schemaVersionOf(event.type),
    data: event.data,
    metadata,
  }));
}

/**
 * The metadata every event of the command records. One object for all of them: the store encodes it once
 * (prepareAppend), so a command writing to several streams passes the same object to each `toEventsToAppend`.
 */
export function recordedMetadata(meta: CommandMetadata): EventMetadata {
  const { actor, correlationId, causationId, commandId } = meta;
  return { actor, correlationId, causationId, commandId, catalogue: POLICY_CATALOGUE_VERSION };
}
