import { BusinessDate } from '../shared/dates';
import { DomainCommand } from '../shared/event';
import { Statement } from './statement';

/** What a matching run compared: the period of payment dates, and the grants' fiscal year and policy when given. */
export interface MatchScope {
  from: BusinessDate;
  to: BusinessDate;
  fiscalYear?: number;
  policy?: string;
  /** The jurisdiction of the user who ran it (policy ids, region prefixes); absent: every jurisdiction. */
  jurisdiction?: string[];
}

export type MatchStatement = DomainCommand<
  'MatchStatement',
  { reconciliationId: string; statement: Statement; scope: MatchScope }
>;

/** A finance user marks one difference of a run resolved (`item`: its place among the run's lines, from 1). */
export type ResolveDifference = DomainCommand<
  'ResolveDifference',
  { reconciliationId: string; item: number; note: string }
>;

export type ReconciliationCommand = MatchStatement | ResolveDifference;
