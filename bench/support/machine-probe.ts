/**
 * A fixed piece of the ledger's kind of work — an event-sized object written to JSON and read back, 40,000 times — timed
 * on this thread, so that a table of figures says how fast the machine was while it was measured. This virtual machine
 * runs the same build at speeds up to 1.5× apart from one spell to the next (bench/README.md, eighth round: the host's
 * memory and caches, which a plain arithmetic loop does not show), and the load average does not see it. The probe
 * allocates and copies as the ledger does; that it follows every spell is not yet shown (~410 ms, ±3%, in the quiet
 * spell it was written in, 2026-12-03): compare two runs' figures with their probes beside them.
 */
const ROUNDS = 40_000;

/** An event-like object of ~2 KB: keys, nested arrays, Chinese text, integer amounts. */
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

/** Milliseconds the probe's work took, the fastest of three (the first, in a fresh process, also grows its heap). */
export function probeMachine(): number {
  return Math.min(probeOnce(), probeOnce(), probeOnce());
}

function probeOnce(): number {
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
