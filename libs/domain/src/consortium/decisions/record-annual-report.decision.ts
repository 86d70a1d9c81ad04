import { AnnualReportRecorded } from '../consortium.events';
import { ConsortiumPolicy } from '../../policies/policy';
import { ConsortiumState } from '../consortium.state';
import { Decision, reject } from '../../shared/decision';
import { RecordAnnualReport } from '../consortium.commands';
import { check, paramOn } from '../../shared/rule';
import { isBusinessDate } from '../../shared/dates';
import { ruleViolated } from '../consortium.assessment';
import { invalidInput } from '../../shared/input-problems';
import { refOf } from '../../shared/rule';

export function decideAnnualReport(
  command: RecordAnnualReport,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
): Decision<AnnualReportRecorded> {
  const { consortiumId, year, submittedOn, summary, plan } = command.data;
  const rules = policy.annualReport;
  if (!rules) {
    return invalidInput(
      [{ field: 'id', problem: `names a consortium under ${policy.id}, which asks for no annual report` }],
      {
        message: `${policy.id} asks for no annual report`,
      },
    );
  }
  const ref = refOf(rules);
  if (!Number.isInteger(year)) return invalidInput([{ field: 'year', problem: 'must be an integer' }]);
  const dueOn = `${year}-${paramOn(rules.dueMonthDay, submittedOn)}`;
  if (!isBusinessDate(dueOn)) return invalidInput([{ field: 'year', problem: `gives no due date (${String(dueOn)})` }]);
  if (state.status !== 'active')
    return reject(
      'invalid-state',
      `annual reports come from an active consortium; consortium ${consortiumId} is ${state.status}`,
      ref,
    );
  if (state.annualReports.some((r) => r.year === year))
    return ruleViolated(ref, `the report for ${year} was already recorded`);
  const missing = [...(summary === true ? [] : ["the year's summary"]), ...(plan === true ? [] : ["next year's plan"])];
  if (missing.length)
    return ruleViolated(
      ref,
      `an annual report carries the year's summary and next year's plan; missing: ${missing.join(', ')}`,
    );
  const onTime = submittedOn <= dueOn;
  return [
    {
      type: 'AnnualReportRecorded',
      data: {
        consortiumId,
        year,
        submittedOn,
        summary,
        plan,
        dueOn,
        check: check(
          ref,
          onTime,
          onTime
            ? `submitted on ${submittedOn}, due by ${dueOn}`
            : `late: submitted on ${submittedOn}, due by ${dueOn}`,
        ),
        ...ref,
      },
    },
  ];
}
