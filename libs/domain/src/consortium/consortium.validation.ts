/** Input checks the domain repeats after the HTTP edge (a rejected `invalid-input` records nothing). */
import { isValidCreditCode } from '../shared/credit-code';
import { isBusinessDate } from '../shared/dates';
import { Unit, UNIT_KINDS } from './consortium.state';

const FEN_FIELDS = ['rdExpense3yFen', 'revenue3yFen', 'rdExpenseLastYearFen'] as const;

export const isNonEmptyText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** What is wrong with a unit, or null. */
export function unitProblem(unit: Unit | undefined, label: string): string | null {
  if (typeof unit !== 'object' || unit === null) return `${label}: missing`;
  if (!isValidCreditCode(unit.creditCode)) return `${label}: ${JSON.stringify(unit.creditCode)} is not a valid unified social credit code`;
  if (!isNonEmptyText(unit.name)) return `${label}: a name is required`;
  if (!UNIT_KINDS.includes(unit.kind)) return `${label}: kind must be one of ${UNIT_KINDS.join(', ')}`;
  for (const field of FEN_FIELDS) {
    const value = unit[field];
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) return `${label}: ${field} must be a non-negative integer amount of fen`;
  }
  return null;
}

export function datesProblem(dates: Record<string, unknown>): string | null {
  const bad = Object.entries(dates).filter(([, value]) => !isBusinessDate(value));
  return bad.length ? bad.map(([field]) => `${field} must be a date YYYY-MM-DD`).join('; ') : null;
}

/** Credit codes that appear more than once among the lead and members. */
export function duplicateCodes(units: Unit[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const unit of units) (seen.has(unit.creditCode) ? duplicates : seen).add(unit.creditCode);
  return [...duplicates];
}
