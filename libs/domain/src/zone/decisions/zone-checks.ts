import { say } from '../../shared/sentence';
/** Checks every zone decision starts with. */
import { nmg2022ZoneParams } from '../../policies/nmg-2022-zone';
import { BusinessDate } from '../../shared/dates';
import { reject, Rejection } from '../../shared/decision';
import { dateProblems, invalidInput } from '../../shared/input-problems';
import { futureFact } from '../../policies/ledger-interpretations';
import { refOf } from '../../shared/rule';
import { ZoneState } from '../zone.state';

/** A date that is not a date, or one after the ledger's today: a fact that did not happen yet. */
export function invalidDate(field: string, value: unknown, today: BusinessDate): Rejection | undefined {
  const problems = dateProblems(field, value);
  if (problems.length > 0) return invalidInput(problems);
  return futureFact(field, value as BusinessDate, today);
}

/** The zone must exist and not be removed. */
export function notActionable(state: ZoneState): Rejection | undefined {
  if (!state.exists) return reject('not-found', say`no such demonstration zone`);
  if (state.status === 'removed') {
    return reject(
      'invalid-state',
      say`zone ${state.id} was removed from the list on ${state.removed?.on}; it accepts no command`,
      refOf(nmg2022ZoneParams.removalWhenStillUnqualified),
    );
  }
  return undefined;
}
