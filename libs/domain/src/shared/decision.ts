import { RuleCheck } from './rule';
import { Words } from './sentence';

export type RejectionCode =
  | 'rule-violated'
  | 'cap-exceeded'
  | 'policy-not-in-force'
  | 'invalid-state'
  | 'not-found'
  | 'invalid-input'
  /** The actor may not take this decision (a grant's maker approving it: 403). */
  | 'forbidden';

export interface CapFigures {
  limit: number; // fen
  used: number; // fen
  requested: number; // fen
  headroom: number; // fen
}

/** A command the domain refuses. Records nothing; the HTTP edge maps `code` to a status. */
export interface Rejection {
  kind: 'rejection';
  code: RejectionCode;
  /** What the refusal says: a sentence the answer renders in the language asked for. */
  message: Words;
  rule?: string;
  citation?: string;
  /** e.g. every unmet rule when an approval is refused */
  details?: RuleCheck[] | Array<Record<string, unknown>>;
  cap?: CapFigures;
}

export type Decision<E> = E[] | Rejection;

export const reject = (
  code: RejectionCode,
  message: Words,
  extra: Omit<Rejection, 'kind' | 'code' | 'message'> = {},
): Rejection => ({ kind: 'rejection', code, message, ...extra });

export const isRejection = (d: unknown): d is Rejection =>
  typeof d === 'object' && d !== null && (d as Rejection).kind === 'rejection';
