import { listOf, say } from '../../shared/sentence';
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
import { statusWord } from '../../shared/status-words';

export function decideAnnualReport(
  command: RecordAnnualReport,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
): Decision<AnnualReportRecorded> {
  const { consortiumId, year, submittedOn, summary, plan } = command.data;
  const rules = policy.annualReport;
  if (!rules) {
    return invalidInput(
      [{ field: 'id', problem: say`names a consortium under ${policy.id}, which asks for no annual report` }],
      {
        message: say`${policy.id} asks for no annual report`,
      },
    );
  }
  const ref = refOf(rules);
  if (!Number.isInteger(year)) return invalidInput([{ field: 'year', problem: say`must be an integer` }]);
  const dueOn = `${year}-${paramOn(rules.dueMonthDay, submittedOn)}`;
  if (!isBusinessDate(dueOn))
    return invalidInput([{ field: 'year', problem: say`gives no due date (${String(dueOn)})` }]);
  if (state.status !== 'active')
    return reject(
      'invalid-state',
      say`annual reports come from an active consortium; consortium ${consortiumId} is ${statusWord(state.status)}`,
      ref,
    );
  if (state.annualReports.some((r) => r.year === year))
    return ruleViolated(ref, say`the report for ${year} was already recorded`);
  const missing = [
    ...(summary === true ? [] : [say`the year's summary`]),
    ...(plan === true ? [] : [say`next year's plan`]),
  ];
  if (missing.length)
    return ruleViolated(
      ref,
      say`an annual report carries the year's summary and next year's plan; missing: ${listOf(missing, 'comma')}`,
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
            ? say`submitted on ${submittedOn}, due by ${dueOn}`
            : say`late: submitted on ${submittedOn}, due by ${dueOn}`,
        ),
        ...ref,
      },
    },
  ];
}
