import { say } from '../../shared/sentence';
import { LEDGER_FUNDING_RULES as LEDGER } from '../../policies/funding/ledger-funding-rules';
import { Decision, reject } from '../../shared/decision';
import { invalidInput, textProblems } from '../../shared/input-problems';
import { ResolveDifference } from '../reconciliation.commands';
import { DifferenceResolved } from '../reconciliation.events';
import { ReconciliationState } from '../reconciliation.state';

/** ledger.difference-resolved: a difference (not a matched line) of a run is resolved once, with a note. */
export function decideResolveDifference(
  command: ResolveDifference,
  state: ReconciliationState,
): Decision<DifferenceResolved> {
  const { reconciliationId, item, note } = command.data;
  if (!state.exists || !state.run) return reject('not-found', say`no reconciliation ${reconciliationId}`);
  const lines = state.run.lines;
  const problems = [
    ...(Number.isInteger(item) && item >= 1 && item <= lines.length
      ? []
      : [
          {
            field: 'item',
            problem: say`must be the number of one of the run's ${lines.length} lines (1–${lines.length})`,
          },
        ]),
    ...textProblems('note', note),
  ];
  if (problems.length > 0) return invalidInput(problems);
  const line = lines[item - 1];
  if (line.outcome === 'matched')
    return reject(
      'rule-violated',
      say`line ${item} matched: there is no difference to resolve`,
      LEDGER.differenceResolved,
    );
  if (state.resolved[item])
    return reject('rule-violated', say`line ${item} was already resolved: ${state.resolved[item].note}`, {
      ...LEDGER.differenceResolved,
    });
  return [
    { type: 'DifferenceResolved', data: { ...LEDGER.differenceResolved, reconciliationId, item, note: note.trim() } },
  ];
}
