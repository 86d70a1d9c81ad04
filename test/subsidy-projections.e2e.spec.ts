/**
 * Random command sequences through the running ledger (over HTTP, fixed seed); after each, every subsidy read model
 * must equal the fold of the events read back from the store with the domain's own evolve: each subsidy, each funding
 * boundary, each recipient's year and its caps, the money by policy and year, the reconciliation's lines and totals.
 * At the end a rebuild of the read models must reproduce them byte for byte.
 * Reproduce a failure with FC_SEED=<seed> (and FC_RUNS).
 */
import fc from 'fast-check';
import { enterprise, MEMBERS } from '@ledger/domain/consortium/consortium.fixtures';
import { fenToYuan, yuanToFen } from '@ledger/domain/shared/money';
import { EventStore, RecordedEvent } from '@ledger/event-store';
import { domainEventOf, EVENT_STORE, ProjectionEngine, READ_STORE, ReadStore } from '@ledger/platform';
import { FUNDING_BOUNDARIES } from '../apps/projection/src/funding/funding-boundaries.projection';
import { reconciliationReport } from '../apps/projection/src/reconciliation/reconciliation.report';
import { moneyByPolicyAndYear } from '../apps/projection/src/subsidies/subsidies-dashboard';
import { readFundingYear, readSubsidy, SUBSIDIES } from '../apps/projection/src/subsidies/subsidies.projection';
import { addMoney, moneyView, NO_MONEY } from '@ledger/presentation/subsidy.view';
import { RunningLedger, startLedger, STORY_TODAY } from './support/ledger-test-app';
import { consortiumWith, FundedConsortium, postGrant, postSubsidy } from './support/subsidy-requests';
import { ConsortiumPolicyId } from '@ledger/domain/shared/policy-ids';
import { Unit } from '@ledger/domain/shared/unit';
import { fundingPolicy } from '@ledger/domain/policies/funding/funding-catalog';
import { CLAWBACK_REASONS } from '@ledger/domain/subsidy/subsidy.commands';
import { subsidyDecider } from '@ledger/domain/subsidy/subsidy.decider';
import { SubsidyLedgerEvent } from '@ledger/domain/subsidy/subsidy.events';
import { SubsidyLedgerState, SubsidyState } from '@ledger/domain/subsidy/subsidy.state';
import { usedFen } from '@ledger/domain/policies/funding/funding-boundary';

const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20251103;
const RUNS = process.env.FC_RUNS ? Number(process.env.FC_RUNS) : 30;

const WAN = 1_000_000; // fen
const AMOUNTS_WAN = [10, 30, 50, 100, 200, 300, 500, 600, 1000];
const YEARS: Record<ConsortiumPolicyId, Array<{ fiscalYear: number; grantedOn: string }>> = {
  'liaoning-2021-alliance': [
    { fiscalYear: 2025, grantedOn: '2025-11-03' },
    { fiscalYear: 2026, grantedOn: '2026-04-01' },
  ],
  'luzhou-2024-consortium': [
    { fiscalYear: 2025, grantedOn: '2025-11-03' },
    { fiscalYear: 2026, grantedOn: '2026-04-01' },
  ],
  'nmg-2024-consortium': [
    { fiscalYear: 2025, grantedOn: '2025-11-03' },
    { fiscalYear: 2026, grantedOn: '2026-04-01' },
  ],
  'tianjin-2018-alliance': [
    { fiscalYear: 2020, grantedOn: '2020-07-01' },
    { fiscalYear: 2020, grantedOn: '2020-11-02' },
  ],
};
const PROJECT_TOTALS = ['20000000', '50000000', '8000000'];

type Step =
  | {
      kind: 'grant';
      consortium: number;
      recipient: number;
      category: number;
      amountWan: number;
      year: number;
      slot: number;
    }
  | {
      kind: 'disburse' | 'cancel' | 'clawback' | 'refund' | 'terminate';
      subsidy: number;
      percent: number;
      reason: number;
    };

const grantStep = fc.record({
  kind: fc.constant('grant' as const),
  consortium: fc.nat({ max: 4 }),
  recipient: fc.nat({ max: 2 }),
  category: fc.nat({ max: 2 }),
  amountWan: fc.constantFrom(...AMOUNTS_WAN),
  year: fc.nat({ max: 1 }),
  slot: fc.nat({ max: 2 }),
});
const lifecycleStep = fc.record({
  kind: fc.constantFrom(
    ...(['disburse', 'disburse', 'cancel', 'clawback', 'clawback', 'refund', 'refund', 'terminate'] as const),
  ),
  subsidy: fc.nat({ max: 5 }),
  percent: fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: 100 }), weight: 4 },
    { arbitrary: fc.integer({ min: 101, max: 130 }), weight: 1 },
  ),
  reason: fc.nat({ max: CLAWBACK_REASONS.length - 1 }),
});
const steps = fc.array(fc.oneof({ arbitrary: grantStep, weight: 2 }, { arbitrary: lifecycleStep, weight: 3 }), {
  minLength: 3,
  maxLength: 20,
});

/** A subsidy as its last answer showed it, in fen. */
interface Known {
  id: string;
  grantedFen: number;
  cancelledFen: number;
  disbursedFen: number;
  clawedBackFen: number;
  refundedFen: number;
  on: string;
}
const knownFrom = (body: Record<string, string>, on: string): Known => ({
  id: body.id,
  grantedFen: yuanToFen(body.granted),
  cancelledFen: yuanToFen(body.cancelled),
  disbursedFen: yuanToFen(body.disbursed),
  clawedBackFen: yuanToFen(body.clawedBack),
  refundedFen: yuanToFen(body.refunded),
  on,
});
/** A share of what is open (beyond 100% to exercise the refusals), at least 1 fen, as yuan. */
const share = (openFen: number, percent: number) => fenToYuan(Math.max(1, Math.floor((openFen * percent) / 100)));

describe('subsidy read models equal the fold of the log, under random command sequences over HTTP', () => {
  let ledger: RunningLedger;
  let readStore: ReadStore;
  let store: EventStore;
  const consortia: Array<FundedConsortium & { policy: ConsortiumPolicyId }> = [];
  const outcomes: Record<string, number> = {};
  /** Every subsidy granted so far (the ledger lives on across sequences), as its last answer showed it. */
  const known: Known[] = [];

  beforeAll(async () => {
    ledger = await startLedger({ today: STORY_TODAY });
    readStore = ledger.app.get(READ_STORE);
    store = ledger.app.get(EVENT_STORE);
    const liaoningLead = enterprise('shenyang', 4000);
    const add = async (policy: ConsortiumPolicyId, lead: Unit, members = MEMBERS[policy]) =>
      consortia.push({ policy, ...(await consortiumWith(ledger, policy, lead, members)) });
    await add('liaoning-2021-alliance', liaoningLead);
    // The 盟主 of the second alliance is a member of the first: its annual cap counts what it receives in both roles.
    await add('liaoning-2021-alliance', MEMBERS['liaoning-2021-alliance'][0], [
      liaoningLead,
      ...MEMBERS['liaoning-2021-alliance'].slice(1),
    ]);
    await add('luzhou-2024-consortium', enterprise('luzhou', 4001));
    await add('nmg-2024-consortium', enterprise('baotou', 4002, { rdExpenseLastYearFen: 200_000_000_00 }));
    await add('tianjin-2018-alliance', enterprise('tianjin', 4003));
    // No Tianjin evaluation can be recorded (tianjin.end-wins): its evaluation awards are refused like any other rule.
  }, 30_000);

  afterAll(async () => {
    await ledger.close();
  });

  async function play(sequence: Step[]): Promise<void> {
    for (const step of sequence) {
      const answer = step.kind === 'grant' ? await grant(step) : await lifecycle(step, known);
      if (!answer) continue;
      const key = `${step.kind} ${answer.status}${answer.status === 201 ? '' : ` ${answer.body.error}`}`;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
      expect([201, 422]).toContain(answer.status); // never 400 (the inputs are valid), 409 or 500
      if (answer.status !== 201) continue;
      const index = known.findIndex((k) => k.id === answer.body.id);
      const on = index >= 0 ? known[index].on : answer.body.grantedOn;
      if (index >= 0) known.splice(index, 1);
      known.push(knownFrom(answer.body, on));
    }
  }

  function grant(step: Extract<Step, { kind: 'grant' }>) {
    const consortium = consortia[step.consortium];
    const units = [consortium.lead, ...consortium.members];
    const category = fundingPolicy(consortium.policy).categories[
      step.category % fundingPolicy(consortium.policy).categories.length
    ].id;
    return postGrant(ledger, {
      consortiumId: consortium.id,
      recipient: units[step.recipient % units.length].creditCode,
      category,
      amount: String((step.amountWan * WAN) / 100),
      ...YEARS[consortium.policy][step.year],
      ...(['liaoning.jiebang', 'luzhou.transformation', 'nmg.project'].includes(category) && {
        projectId: `${category}-P${step.slot}`,
      }),
      ...(category === 'liaoning.jiebang' && { projectTotalInvestment: PROJECT_TOTALS[step.slot] }),
      ...(category === 'luzhou.platform' && { platformId: `PF-${step.slot % 2}` }),
    });
  }

  function lifecycle(step: Exclude<Step, { kind: 'grant' }>, known: Known[]) {
    if (known.length === 0) return undefined;
    const s = known[step.subsidy < 3 ? Math.max(0, known.length - 1 - step.subsidy) : step.subsidy % known.length];
    const on = s.on; // dated on the grant's date: inside every policy's period
    switch (step.kind) {
      case 'disburse':
        return postSubsidy(ledger, s.id, 'disbursements', {
          amount: share(s.grantedFen - s.cancelledFen - s.disbursedFen, step.percent),
          paidOn: on,
          voucher: `PZ-${s.id.slice(0, 6)}`,
        });
      case 'cancel':
        return postSubsidy(ledger, s.id, 'cancellation', {
          amount: share(s.grantedFen - s.cancelledFen - s.disbursedFen, step.percent),
          on,
          reason: '调整',
        });
      case 'clawback':
        return postSubsidy(ledger, s.id, 'clawbacks', {
          amount: share(s.disbursedFen - s.clawedBackFen, step.percent),
          on,
          reason: CLAWBACK_REASONS[step.reason],
        });
      case 'refund':
        return postSubsidy(ledger, s.id, 'refunds', {
          amount: share(s.clawedBackFen - s.refundedFen, step.percent),
          receivedOn: on,
          voucher: `TK-${s.id.slice(0, 6)}`,
        });
      case 'terminate':
        return postSubsidy(ledger, s.id, 'termination', { on, reason: '任务未执行' });
    }
  }

  async function foldOfTheLog(): Promise<{ fold: SubsidyLedgerState; head: number }> {
    const events: RecordedEvent[] = [];
    for (
      let page = await store.readAll({ after: 0, maxCount: 5000 });
      page.length > 0;
      page = await store.readAll({ after: events[events.length - 1].position, maxCount: 5000 })
    ) {
      events.push(...page);
    }
    const fold = events.reduce(
      (state, e) => subsidyDecider.evolve(state, domainEventOf<SubsidyLedgerEvent>(e)),
      subsidyDecider.initialState(),
    );
    return { fold, head: events.length ? events[events.length - 1].position : 0 };
  }

  const plain = (value: unknown) => JSON.parse(JSON.stringify(value));
  const sum = (subsidies: SubsidyState[]) => subsidies.reduce(addMoney, NO_MONEY);
  const groupBy = <T>(items: T[], key: (item: T) => string) =>
    items.reduce<Record<string, T[]>>(
      (groups, item) => ({ ...groups, [key(item)]: [...(groups[key(item)] ?? []), item] }),
      {},
    );

  async function assertReadModelsEqualTheFold(): Promise<void> {
    const { fold, head } = await foldOfTheLog();
    expect(await ledger.app.get(ProjectionEngine).waitFor(head, 5000)).toBe('reached');
    const subsidies = Object.values(fold.subsidies);

    // Each subsidy, and each funding boundary: the same fold.
    for (const s of subsidies) expect((await readSubsidy(readStore, s.subsidyId))?.state).toEqual(plain(s));
    for (const [streamId, boundary] of Object.entries(fold.boundaries))
      expect((await readStore.getDocument(FUNDING_BOUNDARIES.name, streamId))?.state).toEqual(plain(boundary));

    // Money by policy and year (the dashboard), and the reconciliation's lines and totals, for every policy and year.
    const byPolicyYear = groupBy(subsidies, (s) => `${s.policy} ${s.fiscalYear}`);
    expect(await moneyByPolicyAndYear(readStore)).toEqual(
      Object.entries(byPolicyYear)
        .map(([key, group]) => {
          const { granted, cancelled, disbursed, clawedBack, refunded } = moneyView(sum(group));
          return {
            policy: key.split(' ')[0],
            fiscalYear: Number(key.split(' ')[1]),
            granted,
            cancelled,
            disbursed,
            clawedBack,
            refunded,
          };
        })
        .sort((a, b) => a.policy.localeCompare(b.policy) || a.fiscalYear - b.fiscalYear),
    );
    const all = await reconciliationReport(readStore, {});
    expect(all.totals).toEqual({ subsidies: subsidies.length, ...moneyView(sum(subsidies)) });
    expect(all.subsidies.map((line) => line.id).sort()).toEqual(subsidies.map((s) => s.subsidyId).sort());
    for (const [key, group] of Object.entries(byPolicyYear)) {
      const [policy, year] = key.split(' ');
      const report = await reconciliationReport(readStore, {
        policy: policy as ConsortiumPolicyId,
        fiscalYear: Number(year),
      });
      expect(report.totals).toEqual({ subsidies: group.length, ...moneyView(sum(group)) });
      for (const line of report.subsidies) expect(line).toMatchObject(moneyView(fold.subsidies[line.id]));
    }

    // Each recipient's year: its totals, and every cap as the next grant's check would count it.
    for (const [key, group] of Object.entries(groupBy(subsidies, (s) => `${s.recipient} ${s.fiscalYear}`))) {
      const [recipient, year] = key.split(' ');
      expect(await readFundingYear(readStore, recipient, Number(year))).toEqual({
        ...sum(group),
        subsidies: group.length,
      });
      const view = await ledger.http.get(`/v1/funding/${recipient}?fiscalYear=${year}`, { as: 'viewer' });
      expect(view.body).toMatchObject(moneyView(sum(group)));
      for (const cap of view.body.caps) {
        const boundary = fold.boundaries[cap.scope];
        if (cap.rule === 'liaoning.mengzhu-annual-cap')
          expect(cap.used).toBe(fenToYuan(usedFen(boundary, (c) => c.policy === 'liaoning-2021-alliance')));
        if (/^(project|platform)-/.test(cap.scope)) expect(cap.used).toBe(fenToYuan(usedFen(boundary)));
        if (cap.limit !== null) {
          expect(yuanToFen(cap.used)).toBeLessThanOrEqual(yuanToFen(cap.limit));
          expect(yuanToFen(cap.headroom)).toBe(yuanToFen(cap.limit) - yuanToFen(cap.used));
        }
      }
    }
  }

  it('for every sequence, every subsidy read model equals the fold; a rebuild reproduces them', async () => {
    await fc.assert(
      fc.asyncProperty(steps, async (sequence) => {
        await play(sequence);
        await assertReadModelsEqualTheFold();
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The sequences exercise acceptances and refusals of every kind of command.
    for (const kind of [
      'grant 201',
      'grant 422 cap-exceeded',
      'disburse 201',
      'cancel 201',
      'clawback 201',
      'refund 201',
      'terminate 201',
    ]) {
      expect([kind, outcomes[kind] ?? 0]).toEqual([kind, expect.any(Number)]);
      expect(outcomes[kind]).toBeGreaterThan(0);
    }

    const dump = async () => ({
      subsidies: (await readStore.findDocuments(SUBSIDIES.name, { limit: 100_000 })).documents,
      boundaries: (await readStore.findDocuments(FUNDING_BOUNDARIES.name, { limit: 100_000 })).documents,
      counters: await Promise.all(['money', 'money-by-division', 'funding-year'].map((c) => readStore.counters(c))),
    });
    const before = await dump();
    await ledger.app.get(ProjectionEngine).rebuild();
    expect(await dump()).toEqual(before);
  }, 60_000);
});
