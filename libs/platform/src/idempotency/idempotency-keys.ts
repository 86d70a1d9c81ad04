import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { say } from '@ledger/domain/shared/sentence';
import type { IncomingHttpHeaders } from 'node:http';
import { derivedId } from '../commands/command-metadata';
import { KeyedMutex } from '../commands/keyed-mutex';
import { nodeRequestOf } from '../http/request-facts';
import { canonicalJson } from './canonical-json';
import { IDEMPOTENCY_STORE, IdempotencyStore, SavedAnswer } from './idempotency-store.port';

/** A claim this old belongs to a process that died mid-request (no command takes this long): it may be taken over. */
export const STALE_CLAIM_MS = 30_000;
/** How long a request waits for another holding its key (perhaps in another process) before answering 409. */
export const IN_FLIGHT_WAIT_MS = 10_000;
const IN_FLIGHT_POLL_MS = 20;

/** Answers that a repeat must get again: successes, and refusals the ledger decided (not input or auth errors). */
const REPLAYABLE = (status: number) => status < 300 || status === 404 || status === 422;

const HELD = Symbol('ledgerIdempotencyKeyHeld');

/** The key a request holds until its answer is made: what saving (or releasing) it takes. */
interface HeldKey {
  actor: string;
  key: string;
  token: string;
  fingerprint: string;
  unlock: () => void;
}

/** What is read of a request (Fastify's wrapper), and the command id set on it. */
export interface IdempotentRequest {
  method: string;
  headers: IncomingHttpHeaders;
  body?: unknown;
  commandId?: string;
  [HELD]?: HeldKey;
}

/** The first answer to a key, to be sent again (LedgerExceptionFilter sends it, with `Idempotent-Replayed: true`). */
export class IdempotentReplay extends Error {
  constructor(readonly answer: SavedAnswer) {
    super('an answer given before to this Idempotency-Key');
    this.name = 'IdempotentReplay';
  }
}

/**
 * `Idempotency-Key` on a POST or DELETE: the same key with the same request answers the first answer again and records
 * nothing new; the same key with another request is 422 `idempotency-key-reused`. The key also fixes the command id,
 * from which event ids derive, so a repeat after a crash between append and answer is still recorded once.
 *
 * Keys are claimed in the idempotency store (idempotency-store.port.ts), so that this holds across processes: a
 * repeat sent to another command process while the first is still being answered waits for that answer (and after
 * IN_FLIGHT_WAIT_MS answers 409, to be sent again) instead of running the command a second time. In this process a
 * repeat waits on a lock instead of polling the store.
 *
 * A request takes its key before the command runs (`hold`, from IdempotencyGuard) and gives it back once its answer
 * is made, success or error alike (`settle`, from Fastify's onSend). Requests without a key meet none of this.
 */
@Injectable()
export class IdempotencyKeys {
  private readonly locks = new KeyedMutex();

  constructor(@Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore) {}

  /** Holds the key for this request, or throws the answer to replay (IdempotentReplay), a 422 or a 409. */
  async hold(request: IdempotentRequest, actor: string, key: string): Promise<void> {
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${nodeRequestOf(request).url}\n${canonicalJson(request.body ?? null)}`)
      .digest('hex');
    const unlock = await this.locks.lock(`${actor}\u0000${key}`);
    try {
      const token = await this.claim(actor, key, fingerprint);
      request.commandId = derivedId('idempotency-key', actor, key);
      request[HELD] = { actor, key, token, fingerprint, unlock };
    } catch (error) {
      unlock();
      throw error;
    }
  }

  /** Keeps the answer for repeats (or frees the key, for an answer that is not replayed); then unlocks the key. */
  async settle(request: IdempotentRequest, status: number, payload: unknown): Promise<void> {
    const held = request[HELD];
    if (!held) return;
    request[HELD] = undefined;
    const { actor, key, token, fingerprint, unlock } = held;
    try {
      if (REPLAYABLE(status)) {
        await this.store.save(actor, key, token, { fingerprint, status, body: parsedBody(payload) });
      } else {
        await this.store.release(actor, key, token);
      }
    } catch (error) {
      await this.store.release(actor, key, token).catch(() => undefined);
      throw error;
    } finally {
      unlock();
    }
  }

  /** The key's claim token; throws the answer to replay, or 422 for another request, or 409 after waiting too long. */
  private async claim(actor: string, key: string, fingerprint: string): Promise<string> {
    const giveUpAt = Date.now() + IN_FLIGHT_WAIT_MS;
    for (;;) {
      const claim = await this.store.claim(actor, key, fingerprint, STALE_CLAIM_MS);
      if (claim.outcome === 'claimed') return claim.token;
      if (claim.outcome === 'answered') {
        if (claim.answer.fingerprint !== fingerprint) throw reusedKey(key);
        throw new IdempotentReplay(claim.answer);
      }
      if (claim.fingerprint !== undefined && claim.fingerprint !== fingerprint) throw reusedKey(key);
      if (Date.now() >= giveUpAt) {
        throw new HttpException(
          {
            error: 'conflict',
            message: say`a request with Idempotency-Key "${key}" is still being answered; send it again`,
          },
          HttpStatus.CONFLICT,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, IN_FLIGHT_POLL_MS));
    }
  }
}

/**
 * Settles every held key once its answer is made — the handler's result or the exception filter's error envelope,
 * serialized — and before it is sent: a repeat arriving after the answer finds it saved.
 */
export function settleIdempotencyKeysOnSend(fastify: FastifyInstance, keys: IdempotencyKeys): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const held = request as IdempotentRequest;
    if (!held[HELD]) return done(null, payload);
    keys.settle(held, reply.statusCode, payload).then(
      () => done(null, payload),
      (error: Error) => done(error),
    );
  });
}

/** The answer as sent, as the JSON it is (the ledger answers commands in JSON); kept as text otherwise. */
function parsedBody(payload: unknown): unknown {
  const text = Buffer.isBuffer(payload) ? payload.toString('utf8') : payload;
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const reusedKey = (key: string) =>
  new HttpException(
    { error: 'idempotency-key-reused', message: say`Idempotency-Key "${key}" was used before with another request` },
    HttpStatus.UNPROCESSABLE_ENTITY,
  );
