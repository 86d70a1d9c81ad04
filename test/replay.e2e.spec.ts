/**
 * Step-through replay, diffs and as-of (issue 14) over real HTTP on a real SQLite log: every step of a consortium, a
 * subsidy and a zone equals the as-of view at that step's position and (for the last event of a command) at its
 * recordedAt; history links to those views; supervisors only; bad moments are 400 naming the parameter.
 */
import { FULL_MARKS_INDICATORS_HTTP } from '@ledger/domain/zone/zone.fixtures';
import { ACTORS, RunningLedger, startLedger, STORY_TODAY } from './support/ledger-test-app';
import { consortiumWith, leadFactory, postGrant, postSubsidy } from './support/subsidy-requests';
import { TOKEN_LIST } from './support/test-tokens';

type Step = {
  step: number;
  position: number;
  recordedAt: string;
  type: string;
  state: Record<string, unknown>;
} & Record<string, any>;

let ledger: RunningLedger;
const leads = leadFactory(7000);
const supervisor = { as: 'supervisor' } as const;

beforeAll(async () => {
  ledger = await startLedger({ today: STORY_TODAY });
});
afterAll(() => ledger.close());

const replayOf = async (collection: string, id: string): Promise<Step[]> => {
  const answer = await ledger.http.get(`/v1/${collection}/${id}/replay`, supervisor);
  expect(answer.status).toBe(200);
  return answer.body.steps;
};

/**
 * Every step is the as-of view at its position; the last step of each timestamp is the as-of view at that time — named
 * by that time once a later event is in the log, and by the log's last position before (events stamped by then may
 * still be on their way: replay/moment.ts).
 */
async function expectStepsAreAsOfViews(collection: string, id: string, steps: Step[]) {
  await ledger.http.post(
    '/v1/zones',
    { policy: 'nmg-2022-zone', name: '后来的园区', approvedOn: '2022-12-01' },
    {
      as: 'officer',
    },
  ); // a later event: every step's time is settled
  for (const [i, step] of steps.entries()) {
    const atPosition = await ledger.http.get(`/v1/${collection}/${id}?atPosition=${step.position}`, supervisor);
    expect(atPosition.status).toBe(200);
    expect(atPosition.body).toEqual({ ...step.state, atPosition: step.position, position: step.position });
    const last = steps[i + 1]?.recordedAt !== step.recordedAt;
    if (!last) continue;
    const asOf = await ledger.http.get(
      `/v1/${collection}/${id}?asOf=${encodeURIComponent(step.recordedAt)}`,
      supervisor,
    );
    expect(asOf.status).toBe(200);
    expect(asOf.body).toEqual({ ...step.state, asOf: step.recordedAt, position: step.position });
  }
}

describe('a consortium step by step', () => {
  let id: string;
  let steps: Step[];

  beforeAll(async () => {
    const consortium = await consortiumWith(ledger, 'liaoning-2021-alliance', leads['liaoning-2021-alliance']());
    id = consortium.id;
    const dissolved = await ledger.http.post(
      `/v1/consortia/${id}/dissolution`,
      { on: '2026-03-01', reason: '联盟任务完成' },
      { as: 'officer' },
    );
    expect(dissolved.status).toBe(201);
    steps = await replayOf('consortia', id);
  });

  it('gives every event in order with its rule, citation, actor, correlation id, recordedAt and the state after it', async () => {
    expect(steps.map((s) => s.type)).toEqual([
      'ConsortiumFiled',
      'ReviewRecorded',
      'PublicNoticeStarted',
      'ConsortiumApproved',
      'ConsortiumDissolved',
    ]);
    expect(steps.map((s) => s.step)).toEqual([1, 2, 3, 4, 5]);
    expect(steps.map((s) => s.state.status)).toEqual(['filed', 'under-review', 'public-notice', 'active', 'dissolved']);
    for (const step of steps) {
      expect(step).toMatchObject({
        actor: ACTORS.officer,
        correlationId: expect.any(String),
        recordedAt: expect.stringMatching(/Z$/),
        catalogue: expect.any(String),
        asOfHref: `/v1/consortia/${id}?atPosition=${step.position}`,
      });
    }
    expect(steps[3]).toMatchObject({ rule: expect.any(String), citation: expect.any(String) });
    // The state is the detail view: the consortium now is the last step.
    const now = await ledger.http.get(`/v1/consortia/${id}?minPosition=${steps[4].position}`, supervisor);
    expect(now.body).toEqual(steps[4].state);
  });

  it('equals the as-of view at each step, by position and by recordedAt', () =>
    expectStepsAreAsOfViews('consortia', id, steps));

  it('folds the events recorded after an as-of answer into the next one (the fold kept per stream grows with it)', async () => {
    const other = await consortiumWith(ledger, 'liaoning-2021-alliance', leads['liaoning-2021-alliance']());
    const latest = `/v1/consortia/${other.id}?atPosition=999999999`;
    const before = await ledger.http.get(latest, supervisor);
    expect(before.body.status).toBe('active');
    const dissolved = await ledger.http.post(
      `/v1/consortia/${other.id}/dissolution`,
      { on: '2026-03-01', reason: '联盟任务完成' },
      { as: 'officer' },
    );
    expect(dissolved.status).toBe(201);
    const after = await ledger.http.get(latest, supervisor);
    expect(after.body.status).toBe('dissolved');
    expect(after.body.position).toBeGreaterThan(before.body.position);
    const then = await ledger.http.get(`/v1/consortia/${other.id}?atPosition=${before.body.position}`, supervisor);
    expect(then.body).toEqual({ ...before.body, atPosition: before.body.position });
  });

  it('answers one step with ?at=, by position or timestamp, linking the steps around it', async () => {
    const third = await ledger.http.get(`/v1/consortia/${id}/replay?at=${steps[2].position}`, supervisor);
    expect(third.status).toBe(200);
    expect(third.body).toEqual({
      id,
      streamId: `consortium-${id}`,
      atPosition: steps[2].position,
      steps: 5,
      step: steps[2],
      previous: `/v1/consortia/${id}/replay?at=${steps[1].position}`,
      next: `/v1/consortia/${id}/replay?at=${steps[3].position}`,
    });
    const byTime = await ledger.http.get(
      `/v1/consortia/${id}/replay?at=${encodeURIComponent(steps[4].recordedAt)}`,
      supervisor,
    );
    expect(byTime.body).toMatchObject({ asOf: steps[4].recordedAt, step: steps[4] });
    expect(byTime.body).not.toHaveProperty('next');
    const before = await ledger.http.get(`/v1/consortia/${id}/replay?at=2000-01-01`, supervisor);
    expect(before.status).toBe(404);
  });

  it('diffs two positions field by field, naming the events between', async () => {
    const [notice, approval, dissolution] = [steps[2], steps[3], steps[4]];
    const diff = await ledger.http.get(
      `/v1/consortia/${id}/diff?from=${notice.position}&to=${dissolution.position}`,
      supervisor,
    );
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({
      id,
      from: { atPosition: notice.position, position: notice.position, recordedAt: notice.recordedAt },
      to: { atPosition: dissolution.position, position: dissolution.position },
    });
    expect(diff.body.events.map((e: Step) => [e.position, e.type])).toEqual([
      [approval.position, 'ConsortiumApproved'],
      [dissolution.position, 'ConsortiumDissolved'],
    ]);
    const changes = diff.body.changes as Array<{ field: string; change: string; from?: unknown; to?: unknown }>;
    expect(changes).toContainEqual({ field: 'status', change: 'changed', from: 'public-notice', to: 'dissolved' });
    expect(changes).toContainEqual({ field: 'approvedOn', change: 'added', to: approval.state.approvedOn });
    expect(changes.find((c) => c.field === 'ended')).toMatchObject({ change: 'added' });
    expect(changes.map((c) => c.field)).not.toContain('name');

    // The same moments as timestamps; without `from`, everything the consortium has is added.
    const byTime = await ledger.http.get(
      `/v1/consortia/${id}/diff?from=${encodeURIComponent(notice.recordedAt)}&to=${encodeURIComponent(dissolution.recordedAt)}`,
      supervisor,
    );
    expect(byTime.body.changes).toEqual(changes);
    const whole = await ledger.http.get(`/v1/consortia/${id}/diff`, supervisor);
    expect(whole.body.events).toHaveLength(5);
    expect(whole.body.changes).toContainEqual({ field: 'status', change: 'added', to: 'dissolved' });
    const none = await ledger.http.get(
      `/v1/consortia/${id}/diff?from=${approval.position}&to=${approval.position}`,
      supervisor,
    );
    expect(none.body).toMatchObject({ events: [], changes: [] });
  });

  it('links every history entry to the as-of view at its own position', async () => {
    const history = await ledger.http.get(`/v1/consortia/${id}/history?minPosition=${steps[4].position}`, supervisor);
    expect(history.status).toBe(200);
    for (const [i, entry] of history.body.events.entries()) {
      expect(entry.asOfHref).toBe(steps[i].asOfHref);
      const view = await ledger.http.get(entry.asOfHref, supervisor);
      expect(view.body).toEqual({ ...steps[i].state, atPosition: entry.position, position: entry.position });
    }
  });

  it('is for supervisors (and admins): 403 for every other role, 401 without a token', async () => {
    const paths = [
      `/v1/consortia/${id}/replay`,
      `/v1/consortia/${id}/diff?from=1`,
      `/v1/consortia/${id}?atPosition=${steps[0].position}`,
      `/v1/consortia/${id}?asOf=2030-01-01`,
    ];
    for (const path of paths) {
      for (const role of ['officer', 'finance', 'viewer'] as const) {
        expect([path, role, (await ledger.http.get(path, { as: role })).status]).toEqual([path, role, 403]);
      }
      expect((await ledger.http.get(path, { as: null })).status).toBe(401);
      expect((await ledger.http.get(path, { as: 'admin' })).status).toBe(200);
    }
  });

  it.each([
    ['replay?at=yesterday', 'at'],
    ['replay?at=-3', 'at'],
    ['diff?from=soon', 'from'],
    ['diff?to=2025-13-45', 'to'],
    ['diff?from=1.5', 'from'],
    ['replay?step=2', 'step'],
  ])('answers 400 naming the parameter for %s', async (query, field) => {
    const answer = await ledger.http.get(`/v1/consortia/${id}/${query}`, supervisor);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid-input');
    expect(answer.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it.each([
    ['atPosition=abc', 'atPosition'],
    ['atPosition=-1', 'atPosition'],
    ['atPosition=2&asOf=2030-01-01', 'atPosition'],
    ['asOf=yesterday', 'asOf'],
  ])('answers 400 naming the parameter for ?%s', async (query, field) => {
    const answer = await ledger.http.get(`/v1/consortia/${id}?${query}`, supervisor);
    expect(answer.status).toBe(400);
    expect(answer.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('answers 400 naming `to` when it is before `from`', async () => {
    const answer = await ledger.http.get(
      `/v1/consortia/${id}/diff?from=${steps[3].position}&to=${encodeURIComponent(steps[1].recordedAt)}`,
      { ...supervisor, headers: { 'accept-language': 'en' } },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.details).toEqual([{ field: 'to', problems: [expect.stringContaining('before from')] }]);
  });

  it('answers 404 for an entity without events', async () => {
    for (const path of ['consortia/nope/replay', 'consortia/nope/diff', 'subsidies/nope/replay', 'zones/nope/diff']) {
      expect([path, (await ledger.http.get(`/v1/${path}`, supervisor)).status]).toEqual([path, 404]);
    }
    expect((await ledger.http.get('/v1/subsidies/nope?atPosition=5', supervisor)).status).toBe(404);
  });
});

describe('a subsidy step by step: a termination records several events at one timestamp', () => {
  let id: string;
  let steps: Step[];

  beforeAll(async () => {
    const alliance = await consortiumWith(ledger, 'liaoning-2021-alliance', leads['liaoning-2021-alliance']());
    const granted = await postGrant(ledger, {
      consortiumId: alliance.id,
      recipient: alliance.lead.creditCode,
      category: 'liaoning.talent',
      amount: '5000000',
      fiscalYear: 2025,
      grantedOn: '2025-11-03',
    });
    expect(granted.status).toBe(201);
    id = granted.body.id;
    await postSubsidy(ledger, id, 'disbursements', { amount: '2000000', paidOn: '2025-11-10', voucher: 'PZ-1' });
    const terminated = await postSubsidy(ledger, id, 'termination', { on: '2025-12-30', reason: '任务未执行' });
    expect(terminated.status).toBe(201);
    steps = await replayOf('subsidies', id);
  });

  it('shows each step as GET /v1/subsidies/{id} shows the subsidy, the grant with its clauses in words', async () => {
    expect(steps[0].type).toBe('SubsidyGranted');
    expect(steps[0].data.checks[0]).toMatchObject({ rule: expect.any(String), citation: expect.any(String) });
    expect(steps[0].data.amount).toBe('5000000.00');
    expect(steps[0].state).toMatchObject({ granted: '5000000.00', disbursed: '0.00', status: 'granted' });
    expect(steps[1].state).toMatchObject({ disbursed: '2000000.00' });
    expect(steps.at(-1)!.state).toMatchObject({ status: 'terminated', undisbursed: '0.00' });
    expect(steps.filter((s) => s.recordedAt === steps.at(-1)!.recordedAt).length).toBeGreaterThan(1);
    const now = await ledger.http.get(`/v1/subsidies/${id}?minPosition=${steps.at(-1)!.position}`, supervisor);
    expect(now.body).toEqual(steps.at(-1)!.state);
  });

  it('equals the as-of view at each step, by position and by recordedAt', () =>
    expectStepsAreAsOfViews('subsidies', id, steps));

  it('diffs the termination: the money that moved, field by field', async () => {
    const diff = await ledger.http.get(`/v1/subsidies/${id}/diff?from=${steps[1].position}`, supervisor);
    expect(diff.status).toBe(200);
    expect(diff.body.changes).toContainEqual({ field: 'status', change: 'changed', from: 'granted', to: 'terminated' });
    expect(diff.body.changes).toContainEqual({
      field: 'cancelled',
      change: 'changed',
      from: '0.00',
      to: '3000000.00',
    });
  });

  it('gives as-of to supervisors only', async () => {
    const path = `/v1/subsidies/${id}?atPosition=${steps[0].position}`;
    expect((await ledger.http.get(path, { as: 'finance' })).status).toBe(403);
    expect((await ledger.http.get(path, { as: 'viewer' })).status).toBe(403);
    expect((await ledger.http.get(`/v1/subsidies/${id}/replay`, { as: 'finance' })).status).toBe(403);
  });
});

describe('a zone step by step', () => {
  let id: string;
  let steps: Step[];

  beforeAll(async () => {
    const officer = { as: 'officer' } as const;
    const zone = await ledger.http.post(
      '/v1/zones',
      { policy: 'nmg-2022-zone', name: '包头稀土高新区', approvedOn: '2022-12-01' },
      officer,
    );
    id = zone.body.id;
    const reported = await ledger.http.post(
      `/v1/zones/${id}/annual-reports`,
      { year: 2023, submittedOn: '2023-12-20', indicators: FULL_MARKS_INDICATORS_HTTP },
      officer,
    );
    expect(reported.status).toBe(201);
    const evaluated = await ledger.http.post(
      `/v1/zones/${id}/evaluations`,
      { on: '2025-12-10', grade: 'unqualified' },
      officer,
    );
    expect(evaluated.status).toBe(201);
    steps = await replayOf('zones', id);
  });

  it('shows reports in yuan and decimals, and equals the as-of view at each step', async () => {
    expect(steps.map((s) => s.type)).toEqual([
      'ZoneDesignated',
      'AnnualReportSubmitted',
      'ZoneEvaluated',
      'ZoneRectificationStarted',
    ]);
    expect(steps[1].data.indicators.highValuePatentsPer10k).toBe('1.60');
    expect(steps.at(-1)!.state.status).toBe('rectification');
    await expectStepsAreAsOfViews('zones', id, steps);
    const history = await ledger.http.get(`/v1/zones/${id}/history?minPosition=${steps.at(-1)!.position}`, supervisor);
    expect(history.body.events.map((e: { asOfHref: string }) => e.asOfHref)).toEqual(steps.map((s) => s.asOfHref));
    expect((await ledger.http.get(`/v1/zones/${id}?asOf=2030-01-01`, { as: 'viewer' })).status).toBe(403);
  });
});

describe('a grant waiting for its second signature (ledger.dual-control), step by step', () => {
  const SECOND_FINANCE = { token: 'tok-finance-2', actor: 'finance.zhao' };
  let dualControl: RunningLedger;
  afterAll(() => dualControl?.close());

  it('shows the grant pending, then approved by the second finance user, each step the as-of view', async () => {
    dualControl = await startLedger({
      today: STORY_TODAY,
      env: {
        LEDGER_DUAL_CONTROL_AMOUNT: '5000000.00',
        LEDGER_TOKENS: `${TOKEN_LIST},${SECOND_FINANCE.token}:${SECOND_FINANCE.actor}:finance`,
      },
    });
    const alliance = await consortiumWith(dualControl, 'liaoning-2021-alliance', leads['liaoning-2021-alliance']());
    const granted = await postGrant(dualControl, {
      consortiumId: alliance.id,
      recipient: alliance.lead.creditCode,
      category: 'liaoning.talent',
      amount: '10000000',
      fiscalYear: 2025,
      grantedOn: '2025-11-03',
    });
    expect(granted.body.status).toBe('pending');
    const approved = await dualControl.http.post(
      `/v1/subsidies/${granted.body.id}/approval`,
      { on: '2025-11-04' },
      { token: SECOND_FINANCE.token },
    );
    expect(approved.status).toBe(201);
    const answer = await dualControl.http.get(`/v1/subsidies/${granted.body.id}/replay`, supervisor);
    const steps: Step[] = answer.body.steps;
    expect(steps.map((s) => [s.type, s.state.status, s.actor])).toEqual([
      ['SubsidyGranted', 'pending', ACTORS.finance],
      ['GrantApproved', 'granted', SECOND_FINANCE.actor],
    ]);
    for (const step of steps) {
      const view = await dualControl.http.get(
        `/v1/subsidies/${granted.body.id}?atPosition=${step.position}`,
        supervisor,
      );
      expect(view.body).toEqual({ ...step.state, atPosition: step.position, position: step.position });
    }
  });
});

describe('a moment still to come', () => {
  it('is taken at the log’s last event (asOf, at, from, to, atPosition), and the answer names its position', async () => {
    const consortium = await consortiumWith(ledger, 'liaoning-2021-alliance', leads['liaoning-2021-alliance']());
    const path = `/v1/consortia/${consortium.id}`;
    const headPosition = async (): Promise<number> =>
      (await ledger.http.get('/health', { as: 'viewer' })).body.log.headPosition;

    let head = await headPosition();
    const future = await ledger.http.get(`${path}?asOf=2999-01-01`, supervisor);
    expect(future.status).toBe(200);
    expect(future.body).toMatchObject({ status: 'active', atPosition: head });
    expect(future.body.asOf).toBeUndefined();

    // Asked again for the moment it named, after the consortium's next event: the same answer, as for any past moment.
    const dissolved = await ledger.http.post(
      `${path}/dissolution`,
      { on: '2026-03-01', reason: '联盟任务完成' },
      { as: 'officer' },
    );
    expect(dissolved.status).toBe(201);
    const again = await ledger.http.get(`${path}?atPosition=${future.body.atPosition}`, supervisor);
    expect(again.body).toEqual(future.body);
    const last = (await replayOf('consortia', consortium.id)).at(-1)!;
    expect(last).toMatchObject({ type: 'ConsortiumDissolved' });
    // The moment of the last event itself is not settled either: another event may carry the same millisecond.
    head = await headPosition();
    const atItsTime = await ledger.http.get(`${path}?asOf=${encodeURIComponent(last.recordedAt)}`, supervisor);
    expect(atItsTime.body).toMatchObject({ status: 'dissolved', atPosition: head, position: last.position });

    const beyond = await ledger.http.get(`${path}?atPosition=${head + 1000}`, supervisor);
    expect(beyond.body).toMatchObject({ status: 'dissolved', atPosition: head, position: last.position });

    const replayed = await ledger.http.get(`${path}/replay?at=2999-01-01`, supervisor);
    expect(replayed.body).toMatchObject({ atPosition: head, step: { position: last.position } });
    const replayedBeyond = await ledger.http.get(`${path}/replay?at=${head + 1000}`, supervisor);
    expect(replayedBeyond.body.atPosition).toBe(head);

    const diff = await ledger.http.get(`${path}/diff?from=1&to=2999-01-01`, supervisor);
    expect(diff.body.to).toMatchObject({ atPosition: head, position: last.position });
    const diffBeyond = await ledger.http.get(`${path}/diff?from=${head + 1000}`, supervisor);
    expect(diffBeyond.body.from).toMatchObject({ atPosition: head, position: last.position });
  });
});

describe('as-of with minPosition', () => {
  it('reads the event log, never a read model: a minPosition past the head is met at once, not 503 after 5 s', async () => {
    const consortium = await consortiumWith(ledger, 'liaoning-2021-alliance', leads['liaoning-2021-alliance']());
    const grant = await postGrant(ledger, {
      consortiumId: consortium.id,
      recipient: consortium.lead.creditCode,
      category: 'liaoning.operating',
      amount: '1000000',
      fiscalYear: 2025,
      grantedOn: '2025-11-01',
    });
    const zone = await ledger.http.post(
      '/v1/zones',
      { policy: 'nmg-2022-zone', name: '赤峰高新区', approvedOn: '2022-12-01' },
      { as: 'officer' },
    );
    expect([grant.status, zone.status]).toEqual([201, 201]);
    const far = 99_999_999;
    for (const path of [
      `/v1/consortia/${consortium.id}?atPosition=${consortium.position}&minPosition=${far}`,
      `/v1/consortia/${consortium.id}?asOf=2030-01-01&minPosition=${far}`,
      `/v1/subsidies/${grant.body.id}?atPosition=${grant.body.position}&minPosition=${far}`,
      `/v1/subsidies/${grant.body.id}?asOf=2030-01-01&minPosition=${far}`,
      `/v1/zones/${zone.body.id}?atPosition=${zone.body.position}&minPosition=${far}`,
      `/v1/zones/${zone.body.id}?asOf=2030-01-01&minPosition=${far}`,
    ]) {
      const started = Date.now();
      const answer = await ledger.http.get(path, supervisor);
      expect([path, answer.status]).toEqual([path, 200]);
      expect(Date.now() - started).toBeLessThan(2_000);
    }
    // minPosition is still read as a position: a bad one is 400, as on every query.
    const bad = await ledger.http.get(`/v1/consortia/${consortium.id}?asOf=2030-01-01&minPosition=-1`, supervisor);
    expect(bad.status).toBe(400);
  });
});
