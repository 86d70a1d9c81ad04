import { say, Words } from '@ledger/domain/shared/sentence';
import { HttpException, HttpStatus } from '@nestjs/common';
import { DuplicateEventIdError } from '@ledger/event-store';
import { fenToYuan } from '@ledger/domain/shared/money';
import {
  ConflictRetriesExhaustedException,
  ErrorBody,
  ProjectionLaggingException,
  REJECTION_STATUS,
  RejectionException,
} from './ledger-errors';
import { storageFailureCode, storageFailureMessage } from '../storage-failure';
import { TransportRefusal } from './transport-refusal';

const HTTP_ERROR_CODES: Partial<Record<number, string>> = {
  400: 'invalid-input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'invalid-input',
  415: 'invalid-input',
  422: 'rule-violated',
  503: 'unavailable',
};

/** Every error leaves as `{ error, message, rule?, citation?, details? }` (API.md, "Errors"): its status and body. */
export function ledgerErrorBody(exception: unknown): [number, ErrorBody] {
  if (exception instanceof RejectionException) {
    const { code, message, rule, citation, details, cap } = exception.rejection;
    const body: ErrorBody = { error: code, message };
    if (rule) body.rule = rule;
    if (citation) body.citation = citation;
    if (details) body.details = code === 'invalid-input' ? details.map(asFieldProblem) : details;
    if (cap) {
      body.limit = fenToYuan(cap.limit);
      body.used = fenToYuan(cap.used);
      body.requested = fenToYuan(cap.requested);
      body.headroom = fenToYuan(cap.headroom);
    }
    return [REJECTION_STATUS[code], body];
  }
  if (exception instanceof ConflictRetriesExhaustedException || exception instanceof DuplicateEventIdError) {
    const message = exception instanceof ConflictRetriesExhaustedException ? exception.words : exception.message;
    return [HttpStatus.CONFLICT, { error: 'conflict', message }];
  }
  if (exception instanceof ProjectionLaggingException) {
    const { minPosition, reached } = exception;
    return [
      HttpStatus.SERVICE_UNAVAILABLE,
      { error: 'projection-lagging', message: exception.words, minPosition, reached },
    ];
  }
  if (exception instanceof TransportRefusal) {
    return [exception.statusCode, { error: exception.error, message: exception.words }];
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const raw = exception.getResponse();
    // Bodies the ledger built carry its own code; Nest's own (`{ statusCode, error: 'Forbidden' }`) get the ledger's.
    const ledgerShaped =
      typeof raw === 'object' && !('statusCode' in raw) && typeof (raw as ErrorBody).error === 'string';
    if (ledgerShaped) return [status, raw as ErrorBody];
    const message = BODY_REFUSALS[status] ?? messageOf(raw, exception.message);
    return [status, { error: HTTP_ERROR_CODES[status] ?? 'error', message }];
  }
  const storageFailure = storageFailureCode(exception);
  if (storageFailure !== undefined) {
    return [HttpStatus.SERVICE_UNAVAILABLE, { error: 'unavailable', message: storageFailureMessage(storageFailure) }];
  }
  const clientError = clientErrorStatus(exception);
  if (clientError !== undefined) {
    return [clientError, { error: HTTP_ERROR_CODES[clientError] ?? 'error', message: clientErrorMessage(exception) }];
  }
  return [
    HttpStatus.INTERNAL_SERVER_ERROR,
    { error: 'internal', message: say`the ledger could not complete the request` },
  ];
}

/**
 * The HTTP server's own refusals before any handler runs (Fastify's body parser: malformed JSON, a body too large, an
 * unsupported media type) are errors carrying a 4xx `statusCode`: the client's fault, not a 500. Errors claiming a 5xx
 * stay internal, so their messages never leave the ledger.
 */
function clientErrorStatus(exception: unknown): number | undefined {
  if (!(exception instanceof Error)) return undefined;
  const { statusCode, status } = exception as Error & { statusCode?: unknown; status?: unknown };
  const code = typeof statusCode === 'number' ? statusCode : status;
  return typeof code === 'number' && code >= 400 && code < 500 ? code : undefined;
}

/**
 * A body Fastify would not read — too large, of a media type no parser takes —, which Nest passes on as an
 * HttpException with Fastify's English message: said in the ledger's words, in the language asked for.
 */
const BODY_REFUSALS: Partial<Record<number, Words>> = {
  413: say`the body is larger than a request may be`,
  415: say`a body of this media type is not read: send JSON (application/json), a form (application/x-www-form-urlencoded) or multipart/form-data`,
};

/** Fastify's other refusals (their messages are English): by their code; anyone else's as it is. */
function clientErrorMessage(exception: unknown): Words {
  const { code, message } = exception as Error & { code?: unknown };
  if (typeof code === 'string' && code.startsWith('FST_')) return say`the request cannot be read as sent (${code})`;
  return message;
}

function messageOf(raw: string | object, fallback: string): string {
  if (typeof raw === 'string') return raw;
  const message = (raw as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : fallback;
}

/** The domain names an input problem `{ field, problem }`; the API names them as the validation pipe does: `{ field, problems }`. */
function asFieldProblem(detail: object): object {
  const { field, problem, ...rest } = detail as { field?: string; problem?: string };
  if (field === undefined || problem === undefined) return detail;
  return { field, problems: [problem], ...rest };
}
