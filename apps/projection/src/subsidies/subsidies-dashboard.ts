import { Jurisdiction, ReadStore } from '@ledger/platform';
import { fenToYuan } from '@ledger/domain/shared/money';
import { readPolicyYearMoney } from './subsidies.projection';

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
 * `subsidies` projection's running totals, so it is as fresh as the dashboard's `minPosition`.
 */
export async function moneyByPolicyAndYear(
  readStore: ReadStore,
  jurisdiction?: Jurisdiction,
): Promise<MoneyByPolicyAndYear[]> {
  return (await readPolicyYearMoney(readStore, { jurisdiction })).map((row) => ({
    policy: row.policy,
    fiscalYear: row.fiscalYear,
    granted: fenToYuan(row.grantedFen),
    cancelled: fenToYuan(row.cancelledFen),
    disbursed: fenToYuan(row.disbursedFen),
    clawedBack: fenToYuan(row.clawedBackFen),
    refunded: fenToYuan(row.refundedFen),
  }));
}
