import { inEnglish } from '../policies/rules/in-english';
import { Decider } from '../shared/decider';
import { isRejection, Rejection } from '../shared/decision';

/**
 * Emmett-style specs: given(events).when(command).then(events | rejection).
 * The outcome is compared as it reads in English (inEnglish): a `detail` or `message` given as text is the English
 * sentence the decision says (one given as say`…` is compared in English too). `then` compares the events exactly;
 * `thenMatches` and `thenRejects` check only the fields given (code, rule, citation, …).
 */
export function deciderSpec<Command, Event, State, Context>(
  decider: Decider<Command, Event, State, Context>,
  defaultContext: () => Context,
) {
  return {
    given(events: Event[]) {
      return {
        when(command: Command, context: Partial<Context> = {}) {
          const state = events.reduce(decider.evolve, decider.initialState());
          const outcome = decider.decide(command, state, { ...defaultContext(), ...context });
          return {
            outcome,
            then(expected: Event[]) {
              if (isRejection(outcome)) throw new Error(`expected events, got rejection: ${JSON.stringify(outcome)}`);
              expect(inEnglish(outcome)).toEqual(inEnglish(expected));
              return outcome;
            },
            thenMatches(expected: Array<Partial<Event> | Record<string, unknown>>) {
              if (isRejection(outcome)) throw new Error(`expected events, got rejection: ${JSON.stringify(outcome)}`);
              expect(inEnglish(outcome)).toMatchObject(expected);
              return outcome;
            },
            thenRejects(expected: Partial<Rejection>) {
              if (!isRejection(outcome))
                throw new Error(`expected a rejection, got events: ${JSON.stringify(outcome)}`);
              expect(inEnglish(outcome)).toMatchObject(expected);
              return outcome;
            },
          };
        },
      };
    },
  };
}
