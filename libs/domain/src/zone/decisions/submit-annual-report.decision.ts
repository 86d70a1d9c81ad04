import { say } from '../../shared/sentence';
import { Decision } from '../../shared/decision';
import { IndicatorFinding, assessZoneIndicators, nmg2022ZoneParams } from '../../policies/nmg-2022-zone';
import { SubmitAnnualReport } from '../zone.commands';
import { ZoneContext } from '../zone.context';
import { ZoneEvent } from '../zone.events';
import { ZoneState } from '../zone.state';
import { annualReportDueDate } from '../zone-schedule';
import { indicatorProblems } from '../../policies/zone-indicators';
import { assessRelativeIndicators } from '../../policies/zone-relative-indicators';
import { integerProblems, invalidInput } from '../../shared/input-problems';
import { invalidDate, notActionable } from './zone-checks';
import { refOf } from '../../shared/rule';
import { yearOf } from '../../shared/dates';

const p = nmg2022ZoneParams;

export function decideZoneAnnualReport(
  { data }: SubmitAnnualReport,
  state: ZoneState,
  { today, regionalAverage }: ZoneContext,
): Decision<ZoneEvent> {
  const blocked = notActionable(state);
  if (blocked) return blocked;
  const yearProblems = integerProblems('year', data?.year);
  if (yearProblems.length) return invalidInput(yearProblems);
  const badDate = invalidDate('submittedOn', data.submittedOn, today);
  if (badDate) return badDate;
  const { year, submittedOn } = data;
  if (submittedOn < state.approvedOn) {
    return invalidInput(
      [{ field: 'submittedOn', problem: say`must not be before the approval (${state.approvedOn})` }],
      {
        message: say`submittedOn ${submittedOn} is before the zone's approval on ${state.approvedOn}`,
      },
    );
  }
  if (year < yearOf(state.approvedOn)) {
    return invalidInput(
      [{ field: 'year', problem: say`must be the approval year (${yearOf(state.approvedOn)}) or later` }],
      {
        message: say`the zone was approved in ${yearOf(state.approvedOn)}; it reports from that year on, not for ${year}`,
        ...refOf(p.annualReportDueMonthDay),
      },
    );
  }
  if (year > yearOf(submittedOn)) {
    return invalidInput(
      [{ field: 'year', problem: say`must not be after the year of submittedOn (${yearOf(submittedOn)})` }],
      {
        message: say`a report for ${year} cannot be submitted on ${submittedOn}, before that year begins`,
      },
    );
  }
  const problems = indicatorProblems(data.indicators);
  if (problems.length) return invalidInput(problems, { message: say`the indicators are not well-formed` });

  const due = annualReportDueDate(state, year);
  // 四(二)(三): judged against what the log holds now (the year's regional average, the previous year's report) and
  // kept on the event; what is recorded later never judges this report again.
  const previous = state.reports[year - 1];
  const findings: IndicatorFinding[] = [
    ...assessZoneIndicators(data.indicators, due),
    ...assessRelativeIndicators(
      data.indicators,
      { average: regionalAverage?.exists && regionalAverage.year === year ? regionalAverage : undefined, previous },
      year,
      due,
    ),
  ];
  if (state.reports[year]) {
    return [
      {
        type: 'AnnualReportCorrected',
        data: {
          zoneId: state.id,
          year,
          submittedOn,
          indicators: data.indicators,
          findings,
          ...refOf(p.annualReportDueMonthDay),
        },
      },
    ];
  }
  return [
    {
      type: 'AnnualReportSubmitted',
      data: {
        zoneId: state.id,
        year,
        submittedOn,
        due,
        late: submittedOn > due,
        indicators: data.indicators,
        findings,
        ...refOf(p.annualReportDueMonthDay),
      },
    },
  ];
}
