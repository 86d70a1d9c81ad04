export * from './subsidy.commands';
export * from './subsidy.events';
export * from './subsidy.state';
export * from './funding-boundaries';
export * from './funding-streams';
export { roleOf } from './grant-validity';
// Renamed so the domain barrel can also export the other deciders' decide/evolve/initialState.
export type { SubsidyContext } from './subsidy.decider';
export {
  subsidyDecider,
  decide as decideSubsidy,
  evolve as evolveSubsidyLedger,
  initialState as initialSubsidyLedgerState,
} from './subsidy.decider';
