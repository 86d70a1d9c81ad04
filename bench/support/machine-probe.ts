/**
 * Two fixed pieces of the ledger's kind of work, timed, so that a table of figures says how fast the machine was while
 * it was measured: an event-sized object written to JSON and read back 40,000 times (the CPU and memory a decision and
 * its events use), and a durable write (an 8 KB page written and `fdatasync`ed, 200 times, the median: what every
 * commit waits for). This virtual machine runs the same build at speeds up to 1.5× apart from one spell to the next
 * (bench/README.md, eighth round), which the load average does not see. The JSON probe sees the deep spells (~400
 * against 650–730 ms while SLW-1's CPU a grant rose by half) but not the shallower ones, and spells come and go within
 * tens of seconds (thirteenth round): compare two runs' figures with their probes beside them, as a bracket.
 */
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface MachineProbe {
  /** The JSON work, the fastest of three runs (the first, in a fresh process, also grows its heap). */
  jsonMs: number;
  /** The median `fdatasync` of an 8 KB write, in the system's temporary directory, where the benches keep their data. */
  fsyncMs: number;
}

export function probeMachine(): MachineProbe {
  return { jsonMs: Math.min(jsonOnce(), jsonOnce(), jsonOnce()), fsyncMs: medianFsyncMs() };
}

const ROUNDS = 40_000;

/** An event-like object of ~1.5 KB of JSON: keys, nested arrays, Chinese text, integer amounts. */
function sampleEvent(): Record<string, unknown> {
  return {
    rule: 'liaoning.jiebang',
    citation: '揭榜挂帅 第三条',
    subsidyId: 'probe-subsidy-0001',
    consortiumId: 'probe-consortium-0001',
    amountFen: 123_456_700,
    fiscalYear: 2031,
    grantedOn: '2031-03-01',
    checks: Array.from({ length: 8 }, (_, i) => ({
      rule: `ledger.check-${i}`,
      ok: true,
      variant: 'approval',
      facts: { approvedOn: '2030-05-01', minFen: 1_000_000 * i },
    })),
    caps: Array.from({ length: 3 }, (_, i) => ({
      rule: `liaoning.cap-${i}`,
      scope: `盟主 91210100MA000000${i}G, ${2031 + i}`,
      limitFen: 2_000_000_000,
      usedBeforeFen: 150_000_000 * i,
      headroomAfterFen: 1_000_000_000,
    })),
    boundaries: ['funding-mengzhu-2031', 'funding-project-0001', 'funding-category-2031'],
  };
}

function jsonOnce(): number {
  const event = sampleEvent();
  let sum = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i++) {
    event.amountFen = i;
    const back = JSON.parse(JSON.stringify(event)) as { amountFen: number };
    sum += back.amountFen;
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (sum !== (ROUNDS * (ROUNDS - 1)) / 2) throw new Error('the machine probe read back what it did not write');
  return Math.round(ms * 100) / 100;
}

const SYNCS = 200;
const PAGE = Buffer.alloc(8192, 1);

function medianFsyncMs(): number {
  const dir = mkdtempSync(join(tmpdir(), 'machine-probe-'));
  const fd = openSync(join(dir, 'probe'), 'w');
  const ms: number[] = [];
  try {
    for (let i = 0; i < SYNCS; i++) {
      writeSync(fd, PAGE, 0, PAGE.length, (i % 64) * PAGE.length);
      const started = process.hrtime.bigint();
      fdatasyncSync(fd);
      ms.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
  ms.sort((a, b) => a - b);
  return Math.round(ms[SYNCS / 2] * 1000) / 1000;
}
