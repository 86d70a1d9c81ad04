import { nmg2022ZoneParams as P } from '../policies/nmg-2022-zone';
import { malformed } from '../testing/malformed';
import { deciderSpec } from '../testing/decider-spec';
import { named } from '../testing/named';
import { regionalAverageDecider } from './regional-average.decider';
import { RecordRegionalAverage } from './zone.commands';
import { RegionalAverageRecorded } from './zone.events';

const { given } = deciderSpec(regionalAverageDecider, () => ({ today: '2026-06-30' }));
const RD_INTENSITY = { rule: 'zone.rd-intensity', citation: '四(三)' };

const record = (data: Partial<RecordRegionalAverage['data']> = {}): RecordRegionalAverage => ({
  type: 'RecordRegionalAverage',
  data: { year: 2025, rdIntensityMillionths: 9300, source: '2025年全区科技经费投入统计公报', ...data },
});
const recorded = (data: Partial<RegionalAverageRecorded['data']> = {}): RegionalAverageRecorded => ({
  type: 'RegionalAverageRecorded',
  data: { year: 2025, rdIntensityMillionths: 9300, source: '2025年全区科技经费投入统计公报', ...RD_INTENSITY, ...data },
});

describe(`${named(P.rdIntensityAboveRegionalAverage)}: the region's average, recorded per year`, () => {
  it('an administrator records the average for a year, naming the rule it serves', () => {
    given([]).when(record()).then([recorded()]);
  });

  it('recording a year again revises it for reports recorded after, naming the value it replaces', () => {
    given([recorded()])
      .when(record({ rdIntensityMillionths: 9500, source: undefined }))
      .then([
        {
          type: 'RegionalAverageRecorded',
          data: { year: 2025, rdIntensityMillionths: 9500, replaces: 9300, ...RD_INTENSITY },
        },
      ]);
  });

  it('the state keeps the value reports are judged on and every value recorded', () => {
    const state = [recorded(), recorded({ rdIntensityMillionths: 9500 })].reduce(
      regionalAverageDecider.evolve,
      regionalAverageDecider.initialState(),
    );
    expect(state).toMatchObject({ exists: true, year: 2025, rdIntensityMillionths: 9500, history: [9300, 9500] });
  });

  it.each<[string, Partial<RecordRegionalAverage['data']>, string]>([
    ['a year that has not begun', { year: 2027 }, 'year'],
    ['a year that is not a whole number', { year: 2025.5 }, 'year'],
    ['an average of nothing', { rdIntensityMillionths: 0 }, 'rdIntensity'],
    ['an average above 1', { rdIntensityMillionths: 1_000_001 }, 'rdIntensity'],
    ['an empty source', { source: ' ' }, 'source'],
  ])('refuses %s as invalid input naming %s', (_why, data, field) => {
    given([])
      .when(record(data))
      .thenRejects({ code: 'invalid-input', details: [expect.objectContaining({ field })] });
  });

  it('evolve ignores what is not a recorded average', () => {
    const state = regionalAverageDecider.initialState();
    expect(regionalAverageDecider.evolve(state, malformed<RegionalAverageRecorded>({ type: 'Other', data: {} }))).toBe(
      state,
    );
  });

  it('decide refuses to run without today (never Date.now())', () =>
    expect(() => regionalAverageDecider.decide(record(), regionalAverageDecider.initialState(), malformed({}))).toThrow(
      TypeError,
    ));
});
