import 'reflect-metadata';
import { openEventStore, openReadStore, ProjectionEngine } from '@ledger/platform';
import { PROJECTIONS } from '../projection/src/projections';
import { say } from '@ledger/domain/shared/sentence';
import { inCliLanguage } from './cli-language';
import { existingLedger, LedgerDataOptions } from './ledger-data';
import { mainThreadCpuSeconds } from './main-thread-cpu';
import { ProgressListener, rebuildProgressBar } from './rebuild-progress';

/** Drops every read model and replays the whole event log into it; 0 when done. */
export async function rebuild(options: LedgerDataOptions): Promise<number> {
  const config = await existingLedger(options);
  const store = await openEventStore(config.eventStore);
  const readStore = await openReadStore(config.readStore).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  // A script asking for --json reads stdout only; the bar (on stderr) is for whoever watches a terminal or a log.
  const bar = options.json && !process.stderr.isTTY ? undefined : rebuildProgressBar();
  const progress: ProgressListener = (done, total) => bar?.update(done, total);
  try {
    const engine = new ProjectionEngine(store, readStore, PROJECTIONS);
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const mainCpu = mainThreadCpuSeconds();
    const events = await engine.rebuild(progress);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    bar?.stop();
    const result = {
      events,
      readModels: PROJECTIONS.length,
      position: engine.processedPosition(),
      seconds: Number(seconds.toFixed(3)),
      eventsPerSecond: seconds > 0 ? Math.round(events / seconds) : 0,
      // The most memory the process held at once (resident set), in MB.
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      // The CPU the rebuild used (all threads, user + system): on a machine shared with other work it holds where
      // the wall clock moves.
      cpuSeconds: Number(cpuSecondsSince(cpu).toFixed(3)),
      // The main thread's share (reading the log, folding): the writes run on a thread of their own.
      ...(mainCpu !== undefined && { mainThreadCpuSeconds: Number((mainThreadCpuSeconds()! - mainCpu).toFixed(2)) }),
    };
    console.log(
      options.json
        ? JSON.stringify(result)
        : inCliLanguage(
            say`rebuilt ${result.readModels} read models from ${events} events (checkpoint ${result.position}) in ${result.seconds} s, ${result.eventsPerSecond} events/s, peak RSS ${result.peakRssMB} MB, ${result.cpuSeconds} s of CPU`,
            options.lang,
          ),
    );
    return 0;
  } finally {
    bar?.stop();
    await readStore.close();
    await store.close();
  }
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}
