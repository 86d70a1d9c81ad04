import { streamKindOf } from '@ledger/domain/ledger-streams';
import { regionalAverageDecider } from '@ledger/domain/zone/regional-average.decider';
import { RegionalAverageState } from '@ledger/domain/zone/regional-average.state';
import { RegionalAverageRecorded } from '@ledger/domain/zone/zone.events';
import { documentProjection, domainEventOf, ReadStore } from '@ledger/platform';

/** The region's averages (zone.rd-intensity 四(三)), one document per year: the value reports are judged on now. */
export const REGIONAL_AVERAGES = documentProjection<RegionalAverageState>({
  name: 'regional-averages',
  version: 1,
  columns: { year: 'integer' },
  indexes: [['year']],
  documentOf: (event) =>
    event.type === 'RegionalAverageRecorded' && streamKindOf(event.streamId)?.kind === 'regional-average'
      ? event.streamId
      : undefined,
  initialState: () => regionalAverageDecider.initialState(),
  evolve: (state, event) => regionalAverageDecider.evolve(state, domainEventOf<RegionalAverageRecorded>(event)),
  exists: (state) => state.exists,
  columnsOf: (state) => ({ year: state.year }),
});

/** Every year's average, the latest year first. */
export async function readRegionalAverages(readStore: ReadStore): Promise<RegionalAverageState[]> {
  const page = await readStore.findDocuments<RegionalAverageState>(REGIONAL_AVERAGES.name, {
    orderBy: [['year', 'desc']],
    limit: 10_000,
  });
  return page.documents.map((d) => d.state);
}
