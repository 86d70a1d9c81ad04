import { RegionalAverageRecorded } from './zone.events';

/** The region's averages for one year, as recorded (zone.rd-intensity 四(三)). */
export interface RegionalAverageState {
  exists: boolean;
  year: number;
  rdIntensityMillionths: number;
  source?: string;
  /** Every value recorded for the year, oldest first; the last is the one reports are judged on. */
  history: number[];
}

export const initialRegionalAverage = (): RegionalAverageState => ({
  exists: false,
  year: 0,
  rdIntensityMillionths: 0,
  history: [],
});

/** Total: unknown or malformed events leave the state as it was. */
export function evolveRegionalAverage(
  state: RegionalAverageState,
  event: RegionalAverageRecorded,
): RegionalAverageState {
  if (event?.type !== 'RegionalAverageRecorded' || typeof event.data !== 'object' || event.data === null) return state;
  const { year, rdIntensityMillionths, source } = event.data;
  return {
    exists: true,
    year,
    rdIntensityMillionths,
    ...(source !== undefined && { source }),
    history: [...state.history, rdIntensityMillionths],
  };
}
