import { BusinessDate } from '../shared/dates';
import { RegionalAverageState } from './regional-average.state';

/**
 * What a handler hands in: the clock, and for an annual report the region's averages for its year as the log holds
 * them (the stream `regionalAverageStreamId(year)`, folded; absent or not `exists` when none was recorded).
 * Everything else a zone decides on is in its own stream.
 */
export interface ZoneContext {
  today: BusinessDate;
  regionalAverage?: RegionalAverageState;
}
