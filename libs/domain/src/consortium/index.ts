export * from './consortium.commands';
export * from './consortium.events';
export * from './consortium.state';
export * from './consortium.context';
export * from './consortium.streams';
export * from './lead-registry';
export { approvalChecks } from './consortium.procedure';
// Renamed so the domain barrel can also export the other deciders' decide/evolve/initialState.
export {
  consortiumDecider,
  decide as decideConsortium,
  evolve as evolveConsortium,
  initialState as initialConsortiumState,
} from './consortium.decider';
