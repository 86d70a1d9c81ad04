import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { rememberValidationRules } from './remembered-validation-rules';
import { listOf, say } from '@ledger/domain/shared/sentence';
import { FieldProblem, holdsMoreValuesThan, textProblems } from './text-problems';
import { validatorProblem } from './validator-problems';

export type { FieldProblem } from './text-problems';

/** Flattens class-validator's tree into one entry per field path (`members[2].creditCode`). */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const own = error.constraints
      ? [{ field, problems: Object.values(error.constraints).map((text) => validatorProblem(text, error.property)) }]
      : [];
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** Fields a refusal names at most: a body of a million unknown fields was refused in 100 MB, field by field. */
export const MAX_PROBLEMS_LISTED = 100;
/** Values a body may hold (fields and elements at any depth): a filing with its members holds a few hundred. */
export const MAX_BODY_VALUES = 10_000;

/** 400 `invalid-input` naming each field and its problems: the one shape of every input refusal at the HTTP edge. */
export function invalidInput(details: FieldProblem[]): BadRequestException {
  const listed = details.slice(0, MAX_PROBLEMS_LISTED);
  const named = listed.map((d) => say`${d.field}: ${listOf(d.problems)}`);
  const more = details.length - listed.length;
  const message = listOf(more > 0 ? [...named, say`${more} more fields`] : named);
  return new BadRequestException({ error: 'invalid-input', message, details: listed });
}

/** class-validator's pipe, after the checks every string of a request gets (text-problems.ts). */
class LedgerValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && holdsMoreValuesThan(value, MAX_BODY_VALUES)) {
      const problem = say`body holds more than ${MAX_BODY_VALUES} fields and elements; no operation takes that many`;
      return Promise.reject(invalidInput([{ field: 'body', problems: [problem] }]));
    }
    if (metadata.type !== 'custom') {
      const problems = textProblems(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (problems.length > 0) return Promise.reject(invalidInput(problems));
    }
    return super.transform(value, metadata);
  }
}

/**
 * Bad input gets one clear 400 naming every bad field; unknown fields are refused too, and so are strings with control
 * characters, unpaired surrogates or surrounding whitespace.
 */
export function ledgerValidationPipe(): ValidationPipe {
  rememberValidationRules();
  return new LedgerValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => invalidInput(fieldProblems(errors)),
  });
}
