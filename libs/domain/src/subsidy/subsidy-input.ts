/** Input guards the domain keeps even behind the HTTP DTOs: amounts are positive integer fen, dates are real dates. */
import { isBusinessDate } from '../shared/dates';
import { reject, Rejection } from '../shared/decision';

export interface InputProblem {
  field: string;
  problem: string;
}

export const amountProblem = (field: string, fen: unknown): InputProblem[] =>
  typeof fen === 'number' && Number.isSafeInteger(fen) && fen > 0
    ? []
    : [{ field, problem: 'must be a positive amount of whole fen' }];

export const dateProblem = (field: string, value: unknown): InputProblem[] =>
  isBusinessDate(value) ? [] : [{ field, problem: 'must be a date YYYY-MM-DD' }];

export const textProblem = (field: string, value: unknown): InputProblem[] =>
  typeof value === 'string' && value.trim() !== '' ? [] : [{ field, problem: 'is required' }];

export const invalidInput = (problems: InputProblem[], rule?: { rule: string; citation: string }): Rejection =>
  reject('invalid-input', problems.map((p) => `${p.field} ${p.problem}`).join('; '), {
    ...rule,
    details: problems.map((p) => ({ field: p.field, problem: p.problem })),
  });
