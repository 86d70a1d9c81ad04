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
import { IdempotencyStore } from './idempotency.store';

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

/**
 * `Idempotency-Key` on a POST or DELETE: the same key with the same request answers the first answer again and records
 * nothing new; the same key with another request is 422 `idempotency-key-reused`. The key also fixes the command id,
 * from which event ids derive, so a repeat after a crash between append and answer is still recorded once.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly locks = new KeyedMutex();

  constructor(
    @Inject(IdempotencyStore) private readonly store: IdempotencyStore,
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

    return from(
      this.locks.withLocks([`${principal.actor}\u0000${key}`], async () => {
        const saved = this.store.find(principal.actor, key);
        if (saved) {
          if (saved.fingerprint !== fingerprint) {
            throw new HttpException(
              {
                error: 'idempotency-key-reused',
                message: `Idempotency-Key "${key}" was used before with another request`,
              },
              HttpStatus.UNPROCESSABLE_ENTITY,
            );
          }
          http.setHeader(response, 'Idempotent-Replayed', 'true');
          if (saved.status >= 400) throw new HttpException(saved.body as object, saved.status);
          http.status(response, saved.status);
          return saved.body;
        }
        request.commandId = derivedId('idempotency-key', principal.actor, key);
        try {
          const body: unknown = await lastValueFrom(next.handle(), { defaultValue: undefined });
          this.store.save(principal.actor, key, { fingerprint, status: successStatus, body });
          return body;
        } catch (error) {
          const [status, body] = ledgerErrorBody(error);
          if (REPLAYABLE(status)) this.store.save(principal.actor, key, { fingerprint, status, body });
          throw error;
        }
      }),
    );
  }
}
