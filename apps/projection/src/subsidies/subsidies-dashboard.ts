import type Database from 'better-sqlite3';
import { fenToYuan } from '@ledger/domain/shared/money';
import { readPolicyYearMoney } from './subsidy-money.projector';

export interface MoneyByPolicyAndYear {
  policy: string;
  fiscalYear: number;
  granted: string;
  cancelled: string;
  disbursed: string;
  clawedBack: string;
  refunded: string;
}

/**
 * For `/v1/dashboard`: money by policy and fiscal year, as yuan strings, by policy then year. Read from the
 * `subsidy-money` projection (register `SUBSIDY_PROJECTORS`), so it is as fresh as the dashboard's `minPosition`.
 */
export function moneyByPolicyAndYear(db: Database.Database): MoneyByPolicyAndYear[] {
  return readPolicyYearMoney(db).map((row) => ({
    policy: row.policy,
    fiscalYear: row.fiscalYear,
    granted: fenToYuan(row.grantedFen),
    cancelled: fenToYuan(row.cancelledFen),
    disbursed: fenToYuan(row.disbursedFen),
    clawedBack: fenToYuan(row.clawedBackFen),
    refunded: fenToYuan(row.refundedFen),
  }));
}
