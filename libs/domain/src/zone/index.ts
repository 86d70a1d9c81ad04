export * from './scaled-decimal';
export * from './zone-indicators';
export * from './zone.commands';
export * from './zone.events';
export * from './zone.state';
export * from './zone-schedule';
// Renamed so the domain barrel can also export the other deciders' decide/evolve/initialState.
export type { ZoneContext } from './zone.decider';
export {
  zoneDecider,
  decide as decideZone,
  evolve as evolveZone,
  initialState as initialZoneState,
} from './zone.decider';
