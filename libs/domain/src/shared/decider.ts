import { Decision } from './decision';

/**
 * Emmett's decider: `decide(command, state, context)` → events or a rejection; `evolve(state, event)` → state, total
 * and never throwing; `initialState()` the state before any event. Every module (consortium, lead registry, subsidy,
 * zone) exports one as `<module>Decider` from `<module>.decider.ts`.
 */
export interface Decider<Command, Event, State, Context> {
  decide: (command: Command, state: State, context: Context) => Decision<Event>;
  evolve: (state: State, event: Event) => State;
  initialState: () => State;
}
