import { ConsortiumState } from '@ledger/domain/consortium/consortium.state';
import { fenToYuan } from '@ledger/domain/shared/money';
import { Unit } from '@ledger/domain/shared/unit';

/** A unit as the API shows it: money as yuan strings, as it came in. */
export function unitView(unit: Unit) {
  const { rdExpense3yFen, revenue3yFen, rdExpenseLastYearFen, ...rest } = unit;
  return {
    ...rest,
    ...(rdExpense3yFen !== undefined && { rdExpense3y: fenToYuan(rdExpense3yFen) }),
    ...(revenue3yFen !== undefined && { revenue3y: fenToYuan(revenue3yFen) }),
    ...(rdExpenseLastYearFen !== undefined && { rdExpenseLastYear: fenToYuan(rdExpenseLastYearFen) }),
  };
}

export function consortiumView(state: ConsortiumState) {
  const { exists: _exists, lead, members, annualReports, formerCompositions: _formerCompositions, ...rest } = state;
  return {
    ...rest,
    lead: unitView(lead),
    members: members.map(unitView),
    // A late report is recorded with its check failed (tianjin.annual-report); the list says which, read off its dates.
    annualReports: annualReports.map((report) => ({ ...report, onTime: report.submittedOn <= report.dueOn })),
  };
}

export function consortiumSummaryView(state: ConsortiumState) {
  return {
    id: state.id,
    policy: state.policy,
    name: state.name,
    status: state.status,
    filedOn: state.filedOn,
    approvedOn: state.approvedOn,
    lead: { creditCode: state.lead.creditCode, name: state.lead.name },
    memberCount: state.members.length + 1,
    ...(state.ended && { ended: state.ended }),
  };
}
