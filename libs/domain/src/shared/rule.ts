import { BusinessDate } from './dates';
import { Words } from './sentence';

/** One rule's verdict on one question: the shape every eligibility check and decision carries. */
export interface RuleCheck {
  rule: string; // a rule id of POLICIES.md, verbatim: 'nmg.members-min'
  ok: boolean;
  citation: string; // the clause: '三(三)'
  /**
   * Why, as a sentence: say`${n} member units, lead included; at least ${min} required`. Verdicts recorded before
   * sentences hold the English text itself, which renders as it is.
   */
  detail: Words;
  /** The rule failed, and a waiver on record (its 原则上 set aside for this consortium) makes it pass. */
  waived?: WaiverNote;
}

/** How a verdict shows the waiver that made it pass. */
export interface WaiverNote {
  reference: string;
  reason: string;
  actor: string;
}

/** The rule behind a decision, as recorded on events and shown in the audit trail. */
export interface RuleRef {
  rule: string;
  citation: string;
}

/**
 * A policy number: a value, the clause it comes from, and the dates it is in force.
 * Several versions may follow each other; `paramOn` picks the one in force on a date.
 */
export interface PolicyParam<T> {
  rule: string;
  citation: string;
  description: string;
  /** A Ledger interpretation (POLICIES.md) where the document is vague; shown in the API's output. */
  interpretation?: string;
  versions: ReadonlyArray<{ from: BusinessDate; to?: BusinessDate; value: T }>;
}

export function param<T>(
  rule: string,
  citation: string,
  description: string,
  value: T,
  from: BusinessDate,
  options: { to?: BusinessDate; interpretation?: string } = {},
): PolicyParam<T> {
  return {
    rule,
    citation,
    description,
    interpretation: options.interpretation,
    versions: [{ from, to: options.to, value }],
  };
}

export function paramOn<T>(p: PolicyParam<T>, on: BusinessDate): T {
  const version = versionOn(p, on);
  if (!version) throw new RangeError(`${p.rule} has no value in force on ${on}`);
  return version.value;
}

/** The value in force on a date, or undefined before the first version or after the last (no throw). */
export function paramInForceOn<T>(p: PolicyParam<T>, on: BusinessDate): T | undefined {
  return versionOn(p, on)?.value;
}

function versionOn<T>(p: PolicyParam<T>, on: BusinessDate): PolicyParam<T>['versions'][number] | undefined {
  return p.versions.find((v) => v.from <= on && (v.to === undefined || on <= v.to));
}

/**
 * `Object.assign`, not `{ ...ref, ok, detail }`: on Node 20 (V8 11.3) a key added after a spread in an object literal
 * makes a new hidden class each time (~1–2 µs, and garbage), and a grant says a dozen checks (docs/ARCHITECTURE.md,
 * "Objects on the command path").
 */
export const check = (ref: RuleRef, ok: boolean, detail: Words): RuleCheck => Object.assign({}, ref, { ok, detail });

/** The rule an event's data names: its own `rule`/`citation`, or those of the single check it records. */
export function ruleRefOf(data: unknown): Partial<RuleRef> {
  const own = data as Partial<RuleRef> & { check?: Partial<RuleRef> };
  const from = typeof own?.rule === 'string' ? own : typeof own?.check?.rule === 'string' ? own.check : undefined;
  return from ? { rule: from.rule, ...(typeof from.citation === 'string' && { citation: from.citation }) } : {};
}

/** The rule and citation alone, from a RuleRef, a PolicyParam or an effect (no other field leaks onto an event). */
export const refOf = (ref: RuleRef): RuleRef => ({ rule: ref.rule, citation: ref.citation });
