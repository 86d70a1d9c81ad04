import { LedgerPayment } from '@ledger/domain/reconciliation/statement';
import { ConsortiumState } from '@ledger/domain/consortium/consortium.state';
import { Jurisdiction, ReadStore } from '@ledger/platform';
import { CONSORTIA } from '../consortia/consortia.projection';
import { readSubsidies } from '../subsidies/subsidies.projection';

/** Every subsidy a matching run can look at (one statement's period has far fewer). */
const MAX_SUBSIDIES = 1_000_000;

export interface PaymentSelection {
  from: string;
  to: string;
  fiscalYear?: number;
  policy?: string;
  /** Only the subsidies of a user's jurisdiction (jurisdiction.ts: its consortium's region now); absent: all. */
  jurisdiction?: Jurisdiction;
}

/**
 * The disbursements a run compares (SubsidyDisbursed, from the `subsidies` read model): paid from `from` to `to`, of
 * grants of the fiscal year and policy when given; each with its recipient's name as its consortium records it. And
 * `vouchers`: the voucher of every disbursement the jurisdiction covers, whatever its date, year or policy — a line
 * naming one of them is that payment, and pairs with no other (matchStatement).
 */
export async function ledgerPayments(
  readStore: ReadStore,
  selection: PaymentSelection,
): Promise<{ payments: LedgerPayment[]; vouchers: string[] }> {
  const { fiscalYear, policy, from, to, jurisdiction } = selection;
  // The jurisdiction's subsidies of every year and policy: their vouchers are known whatever the run selects.
  const { subsidies } = await readSubsidies(readStore, { jurisdiction }, { limit: MAX_SUBSIDIES, offset: 0 });
  const names = new Map<string, Map<string, string>>();
  const payeeOf = async (consortiumId: string, creditCode: string): Promise<string | undefined> => {
    if (!names.has(consortiumId)) {
      const consortium = (await readStore.getDocument<ConsortiumState>(CONSORTIA.name, consortiumId))?.state;
      const units = consortium ? [consortium.lead, ...consortium.members] : [];
      names.set(consortiumId, new Map(units.map((unit) => [unit.creditCode, unit.name])));
    }
    return names.get(consortiumId)!.get(creditCode);
  };
  const payments: LedgerPayment[] = [];
  const vouchers: string[] = [];
  for (const record of subsidies) {
    const { state } = record;
    const selected =
      (fiscalYear === undefined || state.fiscalYear === fiscalYear) &&
      (policy === undefined || state.policy === policy);
    for (const movement of record.movements) {
      if (movement.type !== 'SubsidyDisbursed') continue;
      vouchers.push(String(movement.voucher));
      const paidOn = String(movement.paidOn);
      if (!selected || paidOn < from || paidOn > to) continue;
      const payee = await payeeOf(state.consortiumId, state.recipient);
      payments.push({
        subsidyId: state.subsidyId,
        voucher: String(movement.voucher),
        amountFen: Number(movement.amountFen),
        paidOn,
        recipient: state.recipient,
        ...(payee !== undefined && { payee }),
      });
    }
  }
  payments.sort((a, b) => a.paidOn.localeCompare(b.paidOn) || a.voucher.localeCompare(b.voucher));
  return { payments, vouchers };
}
