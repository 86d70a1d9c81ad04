import { isRuleTitle, isSentence } from '@ledger/domain/shared/sentence';

/** One field that differs between two views of an entity. `from` is absent when added, `to` when removed. */
export interface FieldChange {
  /** The field's path in the view: `status`, `lead.name`, `members[2].creditCode`. */
  field: string;
  change: 'added' | 'removed' | 'changed';
  from?: unknown;
  to?: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A sentence (a verdict's `detail`) is one field of the view, shown rendered in the asked language: it changes whole,
 * never by its template or arguments (`detail.with[0]`), which no view shows.
 */
const isWords = (value: unknown): boolean => isSentence(value) || isRuleTitle(value);

/**
 * What changed from one view to another, field by field, down to the leaves: objects by key, arrays by index (the
 * ledger's lists only grow at the end — reviews, evaluations, movements — so an index names the same item before and
 * after; a removed member shifts those after it, and shows as the items that changed). In the order of the later view.
 */
export function diffViews(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isRecord(before) && isRecord(after) && !isWords(before) && !isWords(after)) {
    const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
    return keys.flatMap((key) => diffField(before, after, key, path ? `${path}.${key}` : key));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => i).flatMap((i) => {
      const field = `${path}[${i}]`;
      if (i >= after.length) return [{ field, change: 'removed' as const, from: before[i] }];
      if (i >= before.length) return [{ field, change: 'added' as const, to: after[i] }];
      return diffViews(before[i], after[i], field);
    });
  }
  return sameValue(before, after) ? [] : [{ field: path, change: 'changed', from: before, to: after }];
}

function diffField(before: Record<string, unknown>, after: Record<string, unknown>, key: string, field: string) {
  const had = Object.prototype.hasOwnProperty.call(before, key) && before[key] !== undefined;
  const has = Object.prototype.hasOwnProperty.call(after, key) && after[key] !== undefined;
  if (!had && !has) return [];
  if (!had) return [{ field, change: 'added' as const, to: after[key] }];
  if (!has) return [{ field, change: 'removed' as const, from: before[key] }];
  return diffViews(before[key], after[key], field);
}

/** Leaves compare by value; an object against a leaf (or an array against an object) is a change of the whole. */
const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
