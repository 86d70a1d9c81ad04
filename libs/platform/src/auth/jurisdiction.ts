import { say, Words } from '@ledger/domain/shared/sentence';
/**
 * Jurisdictions (issue 14): a token may be scoped to policies and/or regions (LEDGER_TOKENS
 * `token:actor:role@luzhou-2024-consortium|21`); any one of them matching is enough. A region is a prefix of 2–6 digits
 * of the division code (characters 3–8) in the consortium lead's unified social credit code; zones are scoped by
 * policy alone. This is the one scoping model: commands ask `covers` (403 outside, nothing recorded), reads filter the
 * read models with `jurisdictionWhere`, counters and documents with `covers` (404 on a record outside).
 */
import { ForbiddenException } from '@nestjs/common';
import { divisionOf } from '@ledger/domain/shared/credit-code';
import { ANY_OF, Where } from '../projections/read-store.port';

export interface Jurisdiction {
  policies: ReadonlyArray<string>;
  /** Division code prefixes, 2–6 digits. */
  regions: ReadonlyArray<string>;
}

/** What a record is scoped by: its policy, and the division of its consortium's lead (none for zones). */
export interface JurisdictionKeys {
  policy: string;
  division?: string;
}

export const REGION_PREFIX = /^\d{2,6}$/;

/** Everything is covered without a jurisdiction (an unscoped token). */
export function covers(jurisdiction: Jurisdiction | undefined, keys: JurisdictionKeys): boolean {
  if (jurisdiction === undefined) return true;
  if (jurisdiction.policies.includes(keys.policy)) return true;
  const { division } = keys;
  return division !== undefined && jurisdiction.regions.some((region) => division.startsWith(region));
}

/** The keys of a consortium's records from its policy and its lead's credit code. */
export const consortiumKeys = (policy: string, leadCreditCode: string): JurisdictionKeys => ({
  policy,
  division: divisionOf(leadCreditCode),
});

/** A read model's filter for records with `policy` and `division` columns (zones: `division` absent). */
export function jurisdictionWhere(jurisdiction: Jurisdiction | undefined, withDivision = true): Where {
  if (jurisdiction === undefined) return {};
  const regions = withDivision
    ? jurisdiction.regions.map((region): Where => ({
        division: { gte: region.padEnd(6, '0'), lte: region.padEnd(6, '9') },
      }))
    : [];
  const policies: Where[] = jurisdiction.policies.length > 0 ? [{ policy: { in: [...jurisdiction.policies] } }] : [];
  return { [ANY_OF]: [...policies, ...regions] };
}

/** How a jurisdiction reads: `luzhou-2024-consortium|21`. */
export const jurisdictionText = (jurisdiction: Jurisdiction): string =>
  [...jurisdiction.policies, ...jurisdiction.regions].join('|');

/** 403 for a command on a record outside the actor's jurisdiction: nothing is recorded. */
export function outsideJurisdiction(actor: string, jurisdiction: Jurisdiction, what: Words): ForbiddenException {
  return new ForbiddenException({
    error: 'forbidden',
    message: say`${what} is outside the jurisdiction of ${actor} (${jurisdictionText(jurisdiction)})`,
  });
}

/** Throws the 403 unless the jurisdiction covers the record. */
export function assertCovers(
  principal: { actor: string; jurisdiction?: Jurisdiction },
  keys: JurisdictionKeys,
  what: Words,
): void {
  if (principal.jurisdiction && !covers(principal.jurisdiction, keys))
    throw outsideJurisdiction(principal.actor, principal.jurisdiction, what);
}
