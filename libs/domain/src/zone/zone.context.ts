import { BusinessDate } from '../shared/dates';

/** What a handler hands in: the clock. Everything else the zone decides on is in its own stream. */
export interface ZoneContext {
  today: BusinessDate;
}
