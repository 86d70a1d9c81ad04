import { say } from '../shared/sentence';
/**
 * The region's yearly averages (zone.rd-intensity 四(三)): a small decider over one stream per year
 * (`regionalAverageStreamId`). An administrator records the average; a zone's annual report for that year reads the
 * stream into its context (`ZoneContext.regionalAverage`) and keeps the finding it was judged on, so rebuilds and
 * as-of reproduce every finding from the log alone.
 */
import { Decider } from '../shared/decider';
import { isBusinessDate } from '../shared/dates';
import { Decision, reject } from '../shared/decision';
import { decideRegionalAverage } from './decisions/record-regional-average.decision';
import { evolveRegionalAverage, initialRegionalAverage, RegionalAverageState } from './regional-average.state';
import { RecordRegionalAverage } from './zone.commands';
import { ZoneContext } from './zone.context';
import { RegionalAverageRecorded } from './zone.events';

export function decide(
  command: RecordRegionalAverage,
  state: RegionalAverageState,
  context: Pick<ZoneContext, 'today'>,
): Decision<RegionalAverageRecorded> {
  // A missing clock is a wiring bug, not bad input: fail loudly rather than answer 400.
  if (!isBusinessDate(context?.today))
    throw new TypeError(`the regional-average decider needs context.today, got ${JSON.stringify(context?.today)}`);
  if (command?.type !== 'RecordRegionalAverage')
    return reject('invalid-input', say`not a regional-average command: ${JSON.stringify(command?.type)}`);
  return decideRegionalAverage(command, state, context);
}

export const regionalAverageDecider: Decider<
  RecordRegionalAverage,
  RegionalAverageRecorded,
  RegionalAverageState,
  Pick<ZoneContext, 'today'>
> = { decide, evolve: evolveRegionalAverage, initialState: initialRegionalAverage };
