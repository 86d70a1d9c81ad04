/**
 * Sums a .cpuprofile (V8's sampling profile: `node --cpu-prof`, or a bench's BENCH_PROFILE_DIR) by self time, per
 * function and per file or package, busiest first: where a process's CPU goes, without opening DevTools.
 *
 *   node .build/tools/bench/support/cpuprofile-summary.js <file.cpuprofile> [rows, default 40]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A file of the project by its path below the build, a package by its name, V8's own entries by theirs. */
function fileOf({ functionName, url }: ProfileNode['callFrame']): string {
  if (!url) return functionName;
  const inPackage = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (inPackage) return inPackage[1];
  return url.replace(/^.*\/\.build\/(tools\/)?/, '').replace(/^file:\/\//, '');
}

function summarise(profile: CpuProfile): {
  busyMicros: number;
  idleMicros: number;
  byFunction: Map<string, number>;
  byFile: Map<string, number>;
} {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let busyMicros = 0;
  let idleMicros = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    const { callFrame } = nodes.get(id)!;
    if (callFrame.functionName === '(idle)') {
      idleMicros += micros;
      return;
    }
    busyMicros += micros;
    const file = fileOf(callFrame);
    const fn = `${callFrame.functionName || '(anonymous)'}  ${file}${callFrame.url ? `:${callFrame.lineNumber + 1}` : ''}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
    byFile.set(file, (byFile.get(file) ?? 0) + micros);
  });
  return { busyMicros, idleMicros, byFunction, byFile };
}

function main(): void {
  const [file, rows = '40'] = process.argv.slice(2);
  if (!file) throw new Error('usage: cpuprofile-summary <file.cpuprofile> [rows]');
  const { busyMicros, idleMicros, byFunction, byFile } = summarise(
    JSON.parse(readFileSync(file, 'utf8')) as CpuProfile,
  );
  const line = (micros: number, what: string) =>
    `${(micros / 1000).toFixed(1).padStart(9)} ms ${((100 * micros) / busyMicros).toFixed(1).padStart(5)}%  ${what}`;
  console.log(`busy ${(busyMicros / 1000).toFixed(0)} ms, idle ${(idleMicros / 1000).toFixed(0)} ms`);
  const busiest = (totals: Map<string, number>) => [...totals].sort((a, b) => b[1] - a[1]).slice(0, Number(rows));
  console.log('\nself time by function');
  for (const [what, micros] of busiest(byFunction)) console.log(line(micros, what));
  console.log('\nself time by file or package');
  for (const [what, micros] of busiest(byFile)) console.log(line(micros, what));
}

main();
