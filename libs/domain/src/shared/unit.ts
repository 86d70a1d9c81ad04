import { Fen } from './money';

export const UNIT_KINDS = ['enterprise', 'university', 'research-institute', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A member or lead unit, identified by its unified social credit code. */
export interface Unit {
  creditCode: string;
  name: string;
  kind: UnitKind;
  /** Lead only, where the policy asks (nmg.lead-rd): money in fen. */
  rdExpense3yFen?: Fen;
  revenue3yFen?: Fen;
  rdExpenseLastYearFen?: Fen;
  /** Luzhou: a new R&D institution may lead (luzhou.lead). */
  newRdInstitution?: boolean;
}

/** The bodies a consortium's agreement sets up (nmg.agreement, tianjin.governance). */
export interface Governance {
  council: boolean;
  expertCommittee: boolean;
  secretariat: boolean;
  managementBody: boolean;
}
