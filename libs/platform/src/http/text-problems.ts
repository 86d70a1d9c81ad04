import { say, Sentence, Words } from '@ledger/domain/shared/sentence';

/** One bad field of a request, as every 400 `invalid-input` names it. */
export interface FieldProblem {
  field: string;
  /** Each reads as a sentence naming the field: say`${field} must be a date written YYYY-MM-DD`. */
  problems: Words[];
}

/**
 * Free-text fields, whose text may run over lines: a tab or a line break is allowed in them (and only in them). Every
 * other string — names, codes, ids, references — is one line.
 */
export const MULTI_LINE_FIELDS: ReadonlySet<string> = new Set(['reason', 'text', 'note', 'notes']);

/**
 * Control characters: C0 and DEL, the C1 block (U+0080–U+009F: NEL among them, a line break to some readers), the
 * bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069: text that displays in another order
 * than it is recorded), and the noncharacters U+FDD0–U+FDEF, U+FFFE, U+FFFF. One-line text refuses the line and
 * paragraph separators (U+2028, U+2029) too; free text takes them, as it takes tab and line breaks.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]/;
const CONTROL_BUT_LINES =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]/;
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const SURROUNDING_SPACE = /^\s|\s$/;

/** What is wrong with one string of a request, or undefined. */
function problemOf(text: string, multiLine: boolean): Sentence | undefined {
  if ((multiLine ? CONTROL_BUT_LINES : CONTROL).test(text)) {
    return multiLine
      ? say`must not contain control characters (tab and line breaks excepted)`
      : say`must not contain control characters (no tab or line break either: it is one line)`;
  }
  if (UNPAIRED_SURROGATE.test(text)) return say`must be well-formed Unicode (an unpaired surrogate is not a character)`;
  if (SURROUNDING_SPACE.test(text)) return say`must not begin or end with whitespace (the ledger records text as sent)`;
  return undefined;
}

const fieldOf = (parent: string, key: string): string =>
  /^\d+$/.test(key) ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/**
 * Every string of a request's body, query or path, at any depth, checked before it is validated or recorded: no
 * control character (CONTROL), except tab and line breaks in MULTI_LINE_FIELDS; no unpaired surrogate; no leading or
 * trailing whitespace (refused, not trimmed: what the log records is what was sent). One problem per field path.
 * And no field named as every object's own members are (`toString`, `constructor`, `__proto__`): no operation takes
 * one, and the DTOs' transformation passed them over silently where an unknown field is refused.
 */
export function textProblems(value: unknown, field = '', multiLine = false): FieldProblem[] {
  if (typeof value === 'string') {
    const problem = problemOf(value, multiLine);
    return problem ? [{ field: field || 'value', problems: [say`${field || 'value'} ${problem}`] }] : [];
  }
  // An upload's bytes (a Buffer) hold no text fields: walking them byte by byte took a second a MiB.
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return [];
  const isList = Array.isArray(value);
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = fieldOf(field, key);
    if (!isList && key in Object.prototype) return [{ field: path, problems: [say`property ${key} should not exist`] }];
    return textProblems(inner, path, (multiLine && isList) || MULTI_LINE_FIELDS.has(key));
  });
}

/** Whether a request's body holds more than `limit` values (fields and elements, at any depth; an upload's bytes one). */
export function holdsMoreValuesThan(value: unknown, limit: number): boolean {
  let budget = limit;
  const count = (inner: unknown): boolean => {
    if (--budget < 0) return true;
    if (typeof inner !== 'object' || inner === null || ArrayBuffer.isView(inner)) return false;
    for (const key in inner) {
      if (Object.hasOwn(inner, key) && count((inner as Record<string, unknown>)[key])) return true;
    }
    return false;
  };
  return count(value);
}
