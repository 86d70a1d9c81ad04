import { decisionSummary } from '@ledger/platform';
import { rdIntensityView, regionalAverageView } from '@ledger/presentation/zone.view';
import { RegionalAverageRecorded } from '@ledger/domain/zone/zone.events';
import { RegionalAverageState } from '@ledger/domain/zone/regional-average.state';

/** What recording a regional average answers: the year's average now, the value it replaced, and the decision. */
export function regionalAverageAnswer(
  state: RegionalAverageState,
  events: RegionalAverageRecorded[],
  position: number,
) {
  const replaced = events[0]?.data.replaces;
  return {
    ...regionalAverageView(state),
    ...(replaced !== undefined && { replaced: rdIntensityView(replaced) }),
    decisions: events.map(decisionSummary),
    position,
  };
}

export type RegionalAverageAnswer = ReturnType<typeof regionalAverageAnswer>;
