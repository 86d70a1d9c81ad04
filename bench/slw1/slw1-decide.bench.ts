/**
 * SLW-1's grants with no store, no locks and no threads: the main thread's own work for a grant, phase by phase, as
 * the command handler does it — the decision (`subsidyDecider.decide` on the funding boundary's fold), the events
 * made ready to append (event ids, JSON), the fold of the boundary after the grant, and the answer. The grants are
 * decided one after another on folds kept in memory, so the accepted ones must be the serial oracle's.
 *
 *   npm run bench:decide                 (20,000 grants, the least CPU of 5 rounds; BENCH_GRANTS, BENCH_ROUNDS)
 *   npm run bench:decide -- --json       one JSON line
 *
 * It isolates the CPU a grant costs the deciding thread, which at 16 in flight bounds SLW-1 whatever the store does
 * (bench/README.md): a cut here shows without the noise of a writer thread, fsync and the machine's other load.
 */
import { parseArgs } from 'node:util';
import { consortiumDecider } from '@ledger/domain/consortium/consortium.decider';
import { contextFor, eventsOf, registryEvents } from '@ledger/domain/consortium/consortium.fixtures';
import { ConsortiumState } from '@ledger/domain/consortium/consortium.state';
import { LeadRegistryState } from '@ledger/domain/lead-registry/lead-registry.state';
import { leadRegistryDecider } from '@ledger/domain/lead-registry/lead-registry.decider';
import { isRejection } from '@ledger/domain/shared/decision';
import { subsidyDecider } from '@ledger/domain/subsidy/subsidy.decider';
import { FundingBoundaryState, initialBoundaryState } from '@ledger/domain/policies/funding/funding-boundary';
import { evolveBoundary, subsidyAfter, SubsidyLedgerState } from '@ledger/domain/subsidy/subsidy.state';
import { routeEvents } from '@ledger/domain/subsidy/subsidy.routing';
import { subsidyStreamId } from '@ledger/domain/subsidy/subsidy.streams';
import { newCommandMetadata, toEventsToAppend } from '@ledger/platform';
import { prepareAppend } from '../../libs/event-store/src/prepared-append';
import { subsidyAnswer } from '../../apps/command/src/subsidies/subsidy-answer';
import { allianceSetup, serialOutcome, SLW1, slw1Grants } from './slw1.workload';

const GRANTS = Number(process.env.BENCH_GRANTS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const { values: args } = parseArgs({ options: { json: { type: 'boolean' } } });
const POLICY = 'liaoning-2021-alliance';

/** The alliances as the command side folds them: the consortium and its 盟主's registry of leads. */
function alliances(): Array<{ consortium: ConsortiumState; registry: LeadRegistryState }> {
  return Array.from({ length: SLW1.alliances }, (_, k) => {
    const events = eventsOf(POLICY, allianceSetup(k));
    const consortium = events.reduce(consortiumDecider.evolve, consortiumDecider.initialState());
    const registry = registryEvents(consortiumDecider.initialState(), consortium).reduce(
      leadRegistryDecider.evolve,
      leadRegistryDecider.initialState(),
    );
    return { consortium, registry };
  });
}

const PHASES = ['decide', 'events', 'fold', 'answer'] as const;
type Phase = (typeof PHASES)[number];

interface Round {
  accepted: boolean[];
  /** Wall time of each phase, summed over the grants. */
  nanos: Record<Phase, bigint>;
  /** The process's CPU over the round (V8's GC helpers included), in µs. */
  cpuMicros: number;
}

function round(grants: ReturnType<typeof slw1Grants>, setup: ReturnType<typeof alliances>): Round {
  const boundaries = new Map<string, FundingBoundaryState>();
  const nanos: Record<Phase, bigint> = { decide: 0n, events: 0n, fold: 0n, answer: 0n };
  const accepted: boolean[] = [];
  const context = contextFor(POLICY);
  const cpuBefore = process.cpuUsage();
  let position = 0;
  for (const { command, stream } of grants) {
    const { consortium, registry } = setup[stream % SLW1.alliances];
    const meta = newCommandMetadata({ actor: 'bench', today: SLW1.today });
    const funding = `funding-${consortium.lead.creditCode}-${command.data.fiscalYear}`;
    const state: SubsidyLedgerState = {
      subsidies: {},
      boundaries: { [funding]: boundaries.get(funding) ?? initialBoundaryState() },
      units: {},
      pending: {},
    };
    let t = process.hrtime.bigint();
    const decision = subsidyDecider.decide(command, state, {
      today: SLW1.today,
      consortium,
      recipientRegistry: registry,
      actor: context.actor,
    });
    let now = process.hrtime.bigint();
    nanos.decide += now - t;
    if (isRejection(decision)) {
      if (decision.code !== 'cap-exceeded') throw new Error(`grant refused: ${JSON.stringify(decision.message)}`);
      accepted.push(false);
      continue;
    }
    accepted.push(true);
    t = now;
    const routed = routeEvents(decision);
    prepareAppend(
      routed.map(({ streamId, events }) => ({
        streamId,
        expectedRevision: 'no-stream' as const,
        events: toEventsToAppend(events, meta, streamId),
      })),
    );
    now = process.hrtime.bigint();
    nanos.events += now - t;
    t = now;
    for (const event of decision) {
      if (event.type === 'FundingCommitted' && event.data.boundary === funding)
        boundaries.set(funding, evolveBoundary(state.boundaries[funding], event));
    }
    now = process.hrtime.bigint();
    nanos.fold += now - t;
    t = now;
    const own = routed.find(({ streamId }) => streamId === subsidyStreamId(command.data.subsidyId))!.events;
    const after = subsidyAfter(undefined, command.data.subsidyId, own);
    subsidyAnswer(after, decision, (position += decision.length));
    nanos.answer += process.hrtime.bigint() - t;
  }
  const cpu = process.cpuUsage(cpuBefore);
  return { accepted, nanos, cpuMicros: cpu.user + cpu.system };
}

function main() {
  const grants = slw1Grants(GRANTS);
  const setup = alliances();
  const serial = serialOutcome(grants);
  const rounds = Array.from({ length: ROUNDS }, () => round(grants, setup));
  for (const { accepted } of rounds) {
    if (!serial.every((ok, i) => ok === accepted[i])) throw new Error('the decisions differ from the serial oracle');
  }
  // The round that cost the least CPU: on a shared machine the others lost time to other processes.
  const best = rounds.reduce((a, b) => (b.cpuMicros < a.cpuMicros ? b : a));
  const micros = (n: bigint) => Math.round(Number(n) / GRANTS / 10) / 100;
  const result = {
    grants: GRANTS,
    rounds: ROUNDS,
    accepted: best.accepted.filter(Boolean).length,
    matchesSerialFold: true,
    cpuMicrosPerGrant: Math.round((best.cpuMicros / GRANTS) * 100) / 100,
    ...Object.fromEntries(PHASES.map((phase) => [`${phase}Micros`, micros(best.nanos[phase])])),
  };
  if (args.json) {
    console.log(JSON.stringify({ workload: 'SLW-1 decisions alone', ...result }));
    return;
  }
  console.log(
    `SLW-1's ${GRANTS} grants decided in memory, one thread, the round of ${ROUNDS} that cost least CPU (µs a grant; phases in wall time)`,
  );
  console.table([result]);
}

main();
