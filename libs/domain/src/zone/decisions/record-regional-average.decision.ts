import { say } from '../../shared/sentence';
import { Decision } from '../../shared/decision';
import { integerProblems, InputProblem, invalidInput, isNonEmptyText } from '../../shared/input-problems';
import { MILLIONTHS_WHOLE } from '../../policies/zone-indicators';
import { nmg2022ZoneParams } from '../../policies/nmg-2022-zone';
import { refOf } from '../../shared/rule';
import { yearOf } from '../../shared/dates';
import { RecordRegionalAverage } from '../zone.commands';
import { ZoneContext } from '../zone.context';
import { RegionalAverageRecorded } from '../zone.events';
import { RegionalAverageState } from '../regional-average.state';

const MAX_SOURCE_LENGTH = 200;

/**
 * The region's average R&D intensity for a year (zone.rd-intensity 四(三)): a fraction above 0 and at most 1, for a
 * year that has begun (a statistic of a year to come is not a fact yet). Recording a year again revises it for the
 * reports recorded after; the event names the value it replaces.
 */
export function decideRegionalAverage(
  { data }: RecordRegionalAverage,
  state: RegionalAverageState,
  { today }: Pick<ZoneContext, 'today'>,
): Decision<RegionalAverageRecorded> {
  const problems: InputProblem[] = integerProblems('year', data?.year);
  if (problems.length === 0 && data.year > yearOf(today))
    problems.push({ field: 'year', problem: say`must not be after the current year (${yearOf(today)})` });
  const intensity = data?.rdIntensityMillionths;
  if (!(Number.isSafeInteger(intensity) && intensity > 0 && intensity <= MILLIONTHS_WHOLE))
    problems.push({
      field: 'rdIntensity',
      problem: say`must be a fraction above 0 and at most 1, with at most 6 decimals`,
    });
  if (data?.source !== undefined && !(isNonEmptyText(data.source) && data.source.length <= MAX_SOURCE_LENGTH))
    problems.push({
      field: 'source',
      problem: say`must be a non-empty text of at most ${MAX_SOURCE_LENGTH} characters`,
    });
  if (problems.length) return invalidInput(problems);
  return [
    {
      type: 'RegionalAverageRecorded',
      data: {
        year: data.year,
        rdIntensityMillionths: intensity,
        ...(data.source !== undefined && { source: data.source.trim() }),
        ...(state.exists && { replaces: state.rdIntensityMillionths }),
        ...refOf(nmg2022ZoneParams.rdIntensityAboveRegionalAverage),
      },
    },
  ];
}
