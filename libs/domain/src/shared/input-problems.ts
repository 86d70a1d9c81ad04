/**
 * Bad input, one way for every module: the domain repeats the HTTP edge's checks (a rejected `invalid-input` records
 * nothing) and names each field as the HTTP request names it (`members[3].creditCode`, `amount`, `on`), so no layer
 * has to translate. `details: [{ field, problem }]`, one entry per problem; `problem` reads after the field's name:
 * "members[3].creditCode is required".
 */
import { isValidCreditCode } from './credit-code';
import { isBusinessDate } from './dates';
import { fenToYuan } from './money';
import { reject, Rejection } from './decision';
import { RuleRef } from './rule';
import { listOf, say, Words } from './sentence';
import { Unit, UNIT_KINDS } from './unit';

export interface InputProblem {
  field: string;
  /** Reads after the field's name: say`is required`. */
  problem: Words;
}

/** A 400 naming every problem field by field; the message lists them unless one is given. */
export const invalidInput = (
  problems: InputProblem[],
  extra: { message?: Words } & Partial<RuleRef> = {},
): Rejection => {
  const { message, ...ref } = extra;
  return reject('invalid-input', message ?? listOf(problems.map((p) => say`${p.field} ${p.problem}`)), {
    ...ref,
    details: problems.map(({ field, problem }) => ({ field, problem })),
  });
};

export const isNonEmptyText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

export const textProblems = (field: string, value: unknown): InputProblem[] =>
  isNonEmptyText(value) ? [] : [{ field, problem: say`is required` }];

/** Absent, or text that is not blank. */
export const optionalTextProblems = (field: string, value: unknown): InputProblem[] =>
  value === undefined || isNonEmptyText(value)
    ? []
    : [{ field, problem: say`must be text that is not blank, or absent` }];

export const dateProblems = (field: string, value: unknown): InputProblem[] =>
  isBusinessDate(value) ? [] : [{ field, problem: say`must be a date YYYY-MM-DD` }];

export const oneOfProblems = (field: string, value: unknown, allowed: ReadonlyArray<string>): InputProblem[] =>
  typeof value === 'string' && allowed.includes(value)
    ? []
    : [{ field, problem: say`must be one of ${allowed.join(', ')}` }];

export const integerProblems = (field: string, value: unknown): InputProblem[] =>
  Number.isSafeInteger(value) ? [] : [{ field, problem: say`must be an integer` }];

/** Money reaches the domain in whole fen; the field keeps the API's name (`amount`, not `amountFen`). */
export const positiveAmountProblems = (field: string, fen: unknown): InputProblem[] =>
  typeof fen === 'number' && Number.isSafeInteger(fen) && fen > 0
    ? []
    : [{ field, problem: say`must be a positive amount` }];

/**
 * The most one grant or one movement of money (a disbursement, cancellation, clawback, refund) may be: 100亿元, a
 * hundred times more than any cap of the five policies allows in a year. It keeps a slip of the keyboard (extra zeros)
 * out of the ledger, and every total the ledger keeps — a recipient's year, a programme's, the dashboard's — exact in
 * whole fen (below 2^53) for as long as fewer than 900,000 such amounts add up to it.
 */
export const MAX_MOVEMENT_FEN = 1_000_000_000_000;

/** A grant's or a money movement's amount: positive, and at most MAX_MOVEMENT_FEN. */
export const movementAmountProblems = (field: string, fen: unknown): InputProblem[] => {
  const positive = positiveAmountProblems(field, fen);
  if (positive.length > 0) return positive;
  return (fen as number) <= MAX_MOVEMENT_FEN
    ? []
    : [{ field, problem: say`must be at most ${fenToYuan(MAX_MOVEMENT_FEN)} (100亿元), the most one amount may be` }];
};

export const nonNegativeAmountProblems = (field: string, fen: unknown): InputProblem[] =>
  fen === undefined || (typeof fen === 'number' && Number.isSafeInteger(fen) && fen >= 0)
    ? []
    : [{ field, problem: say`must be a non-negative amount of whole fen` }];

/** The unit's money fields in the domain, and the names the HTTP body gives them (money in yuan, without `Fen`). */
const UNIT_AMOUNTS = {
  rdExpense3yFen: 'rdExpense3y',
  revenue3yFen: 'revenue3y',
  rdExpenseLastYearFen: 'rdExpenseLastYear',
} as const;

/** What is wrong with a unit (the lead at `lead`, a member at `members[3]`), field by field; empty when nothing. */
export function unitProblems(unit: Unit | undefined, path: string): InputProblem[] {
  if (typeof unit !== 'object' || unit === null || Array.isArray(unit)) {
    return [{ field: path, problem: say`must be a unit { creditCode, name, kind }` }];
  }
  const problems: InputProblem[] = [];
  if (!isValidCreditCode(unit.creditCode)) {
    problems.push({
      field: `${path}.creditCode`,
      problem: say`must be a valid unified social credit code, not ${JSON.stringify(unit.creditCode)}`,
    });
  }
  problems.push(...textProblems(`${path}.name`, unit.name));
  problems.push(...oneOfProblems(`${path}.kind`, unit.kind, UNIT_KINDS));
  for (const [field, apiName] of Object.entries(UNIT_AMOUNTS) as Array<[keyof typeof UNIT_AMOUNTS, string]>) {
    problems.push(...nonNegativeAmountProblems(`${path}.${apiName}`, unit[field]));
  }
  return problems;
}

/**
 * Units listed twice among the lead and members (the lead is not a member): one problem per repetition, on the
 * member that repeats an earlier unit.
 */
export function duplicateUnitProblems(lead: Unit, members: Unit[]): InputProblem[] {
  const firstSeen = new Map<string, string>([[lead.creditCode, 'lead']]);
  const problems: InputProblem[] = [];
  members.forEach((member, i) => {
    const earlier = firstSeen.get(member.creditCode);
    if (earlier) {
      problems.push({
        field: `members[${i}].creditCode`,
        problem: say`repeats ${earlier} (${member.creditCode}); a unit is listed once and the lead is not a member`,
      });
    } else firstSeen.set(member.creditCode, `members[${i}]`);
  });
  return problems;
}
