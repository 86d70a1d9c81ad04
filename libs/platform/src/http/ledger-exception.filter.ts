import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DuplicateEventIdError } from '@ledger/event-store';
import { fenToYuan } from '@ledger/domain/shared/money';
import {
  ConflictRetriesExhaustedException,
  ErrorBody,
  ProjectionLaggingException,
  REJECTION_STATUS,
  RejectionException,
} from './ledger-errors';

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

/** Every error leaves as `{ error, message, rule?, citation?, details? }` (API.md, "Errors"). */
@Catch()
export class LedgerExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('LedgerExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse();
    const [status, body] = this.toErrorBody(exception);
    if (status >= 500 && status !== HttpStatus.SERVICE_UNAVAILABLE) this.logger.error(exception);
    response.status(status).json(body);
  }

  toErrorBody(exception: unknown): [number, ErrorBody] {
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
      return [HttpStatus.CONFLICT, { error: 'conflict', message: exception.message }];
    }
    if (exception instanceof ProjectionLaggingException) {
      const { minPosition, reached } = exception;
      return [
        HttpStatus.SERVICE_UNAVAILABLE,
        { error: 'projection-lagging', message: exception.message, minPosition, reached },
      ];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      // Bodies the ledger built carry its own code; Nest's own (`{ statusCode, error: 'Forbidden' }`) get the ledger's.
      const ledgerShaped =
        typeof raw === 'object' && !('statusCode' in raw) && typeof (raw as ErrorBody).error === 'string';
      if (ledgerShaped) return [status, raw as ErrorBody];
      return [status, { error: HTTP_ERROR_CODES[status] ?? 'error', message: messageOf(raw, exception.message) }];
    }
    return [
      HttpStatus.INTERNAL_SERVER_ERROR,
      { error: 'internal', message: 'the ledger could not complete the request' },
    ];
  }
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
