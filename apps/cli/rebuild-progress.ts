import { Presets, SingleBar } from 'cli-progress';

/** What the progress of a rebuild is told: events replayed so far, of how many. */
export type ProgressListener = (done: number, total: number) => void;

/**
 * The rebuild's bar on stderr, with events per second and the time left:
 * `rebuilding read models [████░░░░] 47% | 4700/10000 events | 2350 events/s | ETA 2s`.
 * On a terminal it redraws in place; elsewhere (a log file, CI) it writes a line every two seconds and the last one.
 */
export function rebuildProgressBar(stream: NodeJS.WriteStream = process.stderr) {
  const bar = new SingleBar(
    {
      format:
        'rebuilding read models [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | ETA {eta_formatted}',
      stream,
      noTTYOutput: true,
      notTTYSchedule: 2000,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  const started = process.hrtime.bigint();
  let running = false;
  const update: ProgressListener = (done, total) => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    if (!running) {
      bar.start(total, done, { rate });
      running = true;
    }
    bar.update(done, { rate });
  };
  const stop = () => {
    if (running) bar.stop();
    running = false;
  };
  return { update, stop };
}
