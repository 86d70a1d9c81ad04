import { HttpStatus } from '@nestjs/common';
import { Rejection } from '@ledger/domain/shared/decision';
import { say, Sentence, Words } from '@ledger/domain/shared/sentence';
import { renderWords } from '@ledger/presentation/sentences/render-words';

/** The domain said no: the filter answers with the rejection's code, rule and citation. */
export class RejectionException extends Error {
  constructor(readonly rejection: Rejection) {
    // A refusal is an answer, not a fault: where it was thrown tells no one anything, and capturing the stack was ~20 µs
    // of every refused grant's main thread. The stack is the message alone.
    // In English on the log line; the answer renders it in the language asked for.
    const message = renderWords(rejection.message, 'en');
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = 'RejectionException';
  }
}

/** Retries on concurrent changes ran out: 409, retrying may succeed. */
export class ConflictRetriesExhaustedException extends Error {
  readonly words: Sentence;
  constructor(readonly streams: string[]) {
    const words = say`a concurrent change to ${streams.join(', ')} kept winning; retrying may succeed`;
    super(renderWords(words, 'en'));
    this.words = words;
    this.name = 'ConflictRetriesExhaustedException';
  }
}

/** A query's projection did not reach `minPosition` in time: 503. */
export class ProjectionLaggingException extends Error {
  readonly words: Sentence;
  constructor(
    readonly minPosition: number,
    readonly reached: number,
    /** A projection the query reads is stopped by a failure: waiting will not help until it is repaired. */
    readonly stopped = false,
  ) {
    const words = stopped
      ? say`a read model this query needs is stopped at position ${reached} by a failure (see /health); it cannot reach ${minPosition} until repaired`
      : say`the read model has processed the log up to position ${reached}, not yet ${minPosition}; retry shortly`;
    super(renderWords(words, 'en'));
    this.words = words;
    this.name = 'ProjectionLaggingException';
  }
}

export const REJECTION_STATUS: Record<Rejection['code'], HttpStatus> = {
  'invalid-input': HttpStatus.BAD_REQUEST,
  'not-found': HttpStatus.NOT_FOUND,
  'rule-violated': HttpStatus.UNPROCESSABLE_ENTITY,
  'cap-exceeded': HttpStatus.UNPROCESSABLE_ENTITY,
  'policy-not-in-force': HttpStatus.UNPROCESSABLE_ENTITY,
  'invalid-state': HttpStatus.UNPROCESSABLE_ENTITY,
  forbidden: HttpStatus.FORBIDDEN,
};

export interface ErrorBody {
  error: string;
  /** A sentence until the answer is sent, when it is rendered in the language asked for. */
  message: Words;
  rule?: string;
  citation?: string;
  details?: unknown[];
  [extra: string]: unknown;
}

/** A 404 naming what was not found: a sentence (a record by its noun and id), or text as it is. */
export const notFound = (what: Words): RejectionException =>
  new RejectionException({ kind: 'rejection', code: 'not-found', message: say`${what} was not found` });
