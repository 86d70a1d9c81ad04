import {
  CallHandler,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { from, lastValueFrom, Observable } from 'rxjs';
import { Principal } from '../auth/roles';
import { derivedId } from '../commands/command-metadata';
import { KeyedMutex } from '../commands/keyed-mutex';
import { ledgerErrorBody } from '../http/ledger-error-body';
import { canonicalJson } from './canonical-json';
import { IDEMPOTENCY_STORE, IdempotencyStore, SavedAnswer } from './idempotency-store.port';

/** What the interceptor reads of a request, and the command id it sets on it. */
interface IdempotentRequest {
  method: string;
  headers: IncomingHttpHeaders;
  body?: unknown;
  principal?: Principal;
  commandId?: string;
}

/** Answers that a repeat must get again: successes, and refusals the ledger decided (not input or auth errors). */
const REPLAYABLE = (status: number) => status < 300 || status === 404 || status === 422;

/** A claim this old belongs to a process that died mid-request (no command takes this long): it may be taken over. */
export const STALE_CLAIM_MS = 30_000;
/** How long a request waits for another holding its key (perhaps in another process) before answering 409. */
export const IN_FLIGHT_WAIT_MS = 10_000;
const IN_FLIGHT_POLL_MS = 20;

/**
 * `Idempotency-Key` on a POST or DELETE: the same key with the same request answers the first answer again and records
 * nothing new; the same key with another request is 422 `idempotency-key-reused`. The key also fixes the command id,
 * from which event ids derive, so a repeat after a crash between append and answer is still recorded once.
 *
 * Keys are claimed in the idempotency store (idempotency-store.port.ts), so that this holds across processes: a
 * repeat sent to another command process while the first is still being answered waits for that answer (and after
 * IN_FLIGHT_WAIT_MS answers 409, to be sent again) instead of running the command a second time.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly locks = new KeyedMutex();

  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<IdempotentRequest>();
    const response = context.switchToHttp().getResponse<object>();
    const key = request.headers['idempotency-key'];
    const principal = request.principal;
    if (typeof key !== 'string' || !principal || !['POST', 'DELETE'].includes(request.method)) return next.handle();

    const http = this.adapterHost.httpAdapter;
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${http.getRequestUrl(request)}\n${canonicalJson(request.body ?? null)}`)
      .digest('hex');
    const successStatus =
      this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? 201 : 200);

    const actor = principal.actor;
    const replay = (saved: SavedAnswer): unknown => {
      if (saved.fingerprint !== fingerprint) throw reusedKey(key);
      http.setHeader(response, 'Idempotent-Replayed', 'true');
      if (saved.status >= 400) throw new HttpException(saved.body as object, saved.status);
      http.status(response, saved.status);
      return saved.body;
    };

    return from(
      this.locks.withLocks([`${actor}\u0000${key}`], async () => {
        const token = await this.claim(actor, key, fingerprint, replay);
        if (typeof token !== 'string') return token.replayed;
        request.commandId = derivedId('idempotency-key', actor, key);
        try {
          const body: unknown = await lastValueFrom(next.handle(), { defaultValue: undefined });
          await this.store.save(actor, key, token, { fingerprint, status: successStatus, body });
          return body;
        } catch (error) {
          const [status, body] = ledgerErrorBody(error);
          if (REPLAYABLE(status)) await this.store.save(actor, key, token, { fingerprint, status, body });
          else await this.store.release(actor, key, token);
          throw error;
        }
      }),
    );
  }

  /** The key's claim token, or the replayed answer; waits while another request (or process) holds the key. */
  private async claim(
    actor: string,
    key: string,
    fingerprint: string,
    replay: (saved: SavedAnswer) => unknown,
  ): Promise<string | { replayed: unknown }> {
    const giveUpAt = Date.now() + IN_FLIGHT_WAIT_MS;
    for (;;) {
      const claim = await this.store.claim(actor, key, fingerprint, STALE_CLAIM_MS);
      if (claim.outcome === 'claimed') return claim.token;
      if (claim.outcome === 'answered') return { replayed: replay(claim.answer) };
      if (claim.fingerprint !== undefined && claim.fingerprint !== fingerprint) throw reusedKey(key);
      if (Date.now() >= giveUpAt) {
        throw new HttpException(
          {
            error: 'conflict',
            message: `a request with Idempotency-Key "${key}" is still being answered; send it again`,
          },
          HttpStatus.CONFLICT,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, IN_FLIGHT_POLL_MS));
    }
  }
}

const reusedKey = (key: string) =>
  new HttpException(
    { error: 'idempotency-key-reused', message: `Idempotency-Key "${key}" was used before with another request` },
    HttpStatus.UNPROCESSABLE_ENTITY,
  );
