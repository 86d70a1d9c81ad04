import { decisionSummary } from '@ledger/platform';
import { findingView } from '@ledger/presentation/zone.view';
import { reportPassed } from '@ledger/domain/policies/nmg-2022-zone';
import {
  AnnualReportCorrected,
  AnnualReportSubmitted,
  ZoneEvaluated,
  ZoneEvent,
} from '@ledger/domain/zone/zone.events';
import { ZoneState } from '@ledger/domain/zone/zone.state';

const isReport = (e: ZoneEvent): e is AnnualReportSubmitted | AnnualReportCorrected =>
  e.type === 'AnnualReportSubmitted' || e.type === 'AnnualReportCorrected';
const isEvaluation = (e: ZoneEvent): e is ZoneEvaluated => e.type === 'ZoneEvaluated';

/**
 * What every zone command answers: the zone's new status, what this command decided (each event with the rule and
 * citation behind it) and the log position of its last event. A report adds its findings; an evaluation its grade.
 */
export function zoneAnswer(state: ZoneState, events: ZoneEvent[], position: number) {
  const reported = events.find(isReport);
  const report = reported && state.reports[reported.data.year];
  const evaluated = events.find(isEvaluation);
  return {
    id: state.id,
    policy: state.policy,
    name: state.name,
    approvedOn: state.approvedOn,
    status: state.status,
    ...(reported &&
      report && {
        year: report.year,
        submittedOn: reported.data.submittedOn,
        due: report.due,
        late: report.late,
        corrected: reported.type === 'AnnualReportCorrected',
        passed: reportPassed(report.findings),
        findings: report.findings.map(findingView),
      }),
    ...(evaluated && { evaluation: evaluationView(evaluated) }),
    ...(state.rectificationUntil && { rectificationUntil: state.rectificationUntil }),
    recommendedForNational: state.recommendedForNational,
    ...(state.removed && { removed: state.removed }),
    decisions: events.map(decisionSummary),
    position,
  };
}

/** The evaluation as recorded: its grade and kind, the cycle it took and when the next one is due (when recorded). */
function evaluationView({ data }: ZoneEvaluated) {
  const { on, grade, kind, cycle, nextDue } = data;
  return { on, grade, kind, ...(cycle && { cycle }), ...(nextDue && { nextDue }) };
}

export type ZoneAnswer = ReturnType<typeof zoneAnswer>;
