import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PendingGrantExpiry } from '../apps/command/src/subsidies/expire-pending-grants/pending-grant-expiry';
import { ACTORS, RunningLedger, startLedger, STORY_TODAY } from './support/ledger-test-app';
import { capOf, consortiumWith, getFunding, leadFactory, postGrant, postSubsidy } from './support/subsidy-requests';
import { TOKEN_LIST } from './support/test-tokens';

/** Maker-checker on large grants (ledger.dual-control) over HTTP: LEDGER_DUAL_CONTROL_AMOUNT set to 500万. */
describe('grants waiting for a second signature (ledger.dual-control)', () => {
  const SECOND_FINANCE = { token: 'tok-finance-2', actor: 'finance.zhao' };
  const env = {
    LEDGER_DUAL_CONTROL_AMOUNT: '5000000.00',
    LEDGER_TOKENS: `${TOKEN_LIST},${SECOND_FINANCE.token}:${SECOND_FINANCE.actor}:finance`,
  };
  const leads = leadFactory(6000);
  // One data directory for both runs of the ledger (the second starts where the first stopped).
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-dual-control-'));
  let ledger: RunningLedger;
  beforeAll(async () => {
    ledger = await startLedger({ today: STORY_TODAY, env, dataDir });
  });
  afterAll(async () => {
    await ledger.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const grantBody = (consortiumId: string, recipient: string, amount: string) => ({
    consortiumId,
    recipient,
    category: 'liaoning.talent',
    amount,
    fiscalYear: 2025,
    grantedOn: '2025-11-03',
  });
  const asSecond = { token: SECOND_FINANCE.token };

  it('records large grants pending; two racing for the last headroom under one cap: one fits; maker ≠ checker', async () => {
    const alliance = await consortiumWith(ledger, 'liaoning-2021-alliance', leads['liaoning-2021-alliance']());
    const mengzhu = alliance.lead.creditCode;
    const first = await postGrant(ledger, grantBody(alliance.id, mengzhu, '10000000'));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'pending',
      dualControl: { threshold: '5000000.00', maker: ACTORS.finance, expiresOn: '2025-12-03' },
    });

    // 1000万 pending leaves 1000万 of the 盟主's 2000万: two 600万 grants, one per finance user, race for it.
    const [byMaker, bySecond] = await Promise.all([
      ledger.http.post('/v1/subsidies', grantBody(alliance.id, mengzhu, '6000000'), { as: 'finance' }),
      ledger.http.post('/v1/subsidies', grantBody(alliance.id, mengzhu, '6000000'), asSecond),
    ]);
    expect([byMaker.status, bySecond.status].sort()).toEqual([201, 422]);
    const refused = byMaker.status === 422 ? byMaker : bySecond;
    expect(refused.body).toMatchObject({ error: 'cap-exceeded', rule: 'liaoning.mengzhu-annual-cap' });
    const funding = await getFunding(
      ledger,
      mengzhu,
      2025,
      Math.max(byMaker.body.position ?? 0, bySecond.body.position ?? 0),
    );
    expect(capOf(funding.body, 'liaoning.mengzhu-annual-cap')).toMatchObject({
      used: '16000000.00',
      headroom: '4000000.00',
    });

    const paidEarly = await postSubsidy(ledger, first.body.id, 'disbursements', {
      amount: '1',
      paidOn: '2025-11-04',
      voucher: 'V',
    });
    expect(paidEarly.status).toBe(422);
    expect(paidEarly.body.rule).toBe('ledger.dual-control');

    const selfApproved = await postSubsidy(ledger, first.body.id, 'approval', { on: '2025-11-05' });
    expect(selfApproved.status).toBe(403);
    expect(selfApproved.body).toMatchObject({ error: 'forbidden', rule: 'ledger.dual-control' });
    const approved = await ledger.http.post(
      `/v1/subsidies/${first.body.id}/approval`,
      { on: '2025-11-05', note: '复核同意' },
      asSecond,
    );
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({
      status: 'granted',
      signed: { outcome: 'approved', checker: SECOND_FINANCE.actor, note: '复核同意' },
    });
    const paid = await postSubsidy(ledger, first.body.id, 'disbursements', {
      amount: '1000000',
      paidOn: '2025-11-06',
      voucher: 'V-1',
    });
    expect(paid.status).toBe(201);

    const winner = byMaker.status === 201 ? byMaker : bySecond;
    const declined = await ledger.http.post(`/v1/subsidies/${winner.body.id}/decline`, { on: '2025-11-07' }, asSecond);
    expect(declined.status).toBe(201);
    expect(declined.body).toMatchObject({ status: 'declined', cancelled: '6000000.00' });
    // Signed once: a second signature is refused, the first said in the ledger's words (Chinese by default).
    const signedAgain = await ledger.http.post(
      `/v1/subsidies/${winner.body.id}/approval`,
      { on: '2025-11-08' },
      asSecond,
    );
    expect(signedAgain.status).toBe(422);
    expect(signedAgain.body.message).toContain('（2025-11-07已拒签）');
    expect(signedAgain.body.message).not.toMatch(/declined/);
    const released = await getFunding(ledger, mengzhu, 2025, declined.body.position);
    expect(capOf(released.body, 'liaoning.mengzhu-annual-cap')).toMatchObject({ used: '10000000.00' });
  });

  it("the dashboard's deadlines count the grants waiting for a second signature in their total, within the horizon", async () => {
    const alliance = await consortiumWith(ledger, 'liaoning-2021-alliance', leads['liaoning-2021-alliance']());
    // Granted 11 days before today (STORY_TODAY 2030-12-31): released, so due, on 2031-01-19, 19 days ahead.
    const pending = await postGrant(ledger, {
      ...grantBody(alliance.id, alliance.lead.creditCode, '9000000'),
      fiscalYear: 2030,
      grantedOn: '2030-12-20',
    });
    expect(pending.body).toMatchObject({ status: 'pending', dualControl: { expiresOn: '2031-01-19' } });
    const deadlines = async (query: string) =>
      (await ledger.http.get(`/v1/dashboard?minPosition=${pending.body.position}&${query}`, { as: 'viewer' })).body
        .deadlines;
    const isThisGrant = (item: { subject: string; subsidyId?: string }) =>
      item.subject === 'subsidy' && item.subsidyId === pending.body.id;

    const all = await deadlines('horizonDays=3660&deadlinesLimit=1000');
    expect(all.items.filter(isThisGrant)).toEqual([
      expect.objectContaining({ kind: 'second-signature', due: '2031-01-19', overdue: false }),
    ]);
    expect(all.items.filter((item: { subject: string }) => item.subject === 'subsidy').length).toBeGreaterThan(0);
    expect(all.total).toBe(all.items.length);
    const first = await deadlines('horizonDays=3660&deadlinesLimit=1');
    expect(first.items).toHaveLength(1);
    expect(first.total).toBe(all.total);

    // Within 10 days it is not due yet: neither listed nor counted; within 19 it is both.
    const tenDays = await deadlines('horizonDays=10&deadlinesLimit=1000');
    expect(tenDays.items.filter(isThisGrant)).toEqual([]);
    expect(tenDays.total).toBe(tenDays.items.length);
    const nineteenDays = await deadlines('horizonDays=19&deadlinesLimit=1000');
    expect(nineteenDays.items.filter(isThisGrant)).toHaveLength(1);
    expect(nineteenDays.total).toBe(tenDays.total + 1);
  });

  it('the ledger releases a grant left unsigned past its expiry, as actor system, at once and at start-up', async () => {
    const alliance = await consortiumWith(ledger, 'liaoning-2021-alliance', leads['liaoning-2021-alliance']());
    const pending = await postGrant(ledger, grantBody(alliance.id, alliance.lead.creditCode, '8000000'));
    expect(pending.body.status).toBe('pending');
    const expired = await ledger.app.get(PendingGrantExpiry).runOnce();
    expect(expired).toContain(pending.body.id);
    const after = await ledger.http.get(
      `/v1/subsidies/${pending.body.id}/history?minPosition=${pending.body.position + 1}`,
      {
        as: 'supervisor',
      },
    );
    const expiry = after.body.events.find((e: { type: string }) => e.type === 'GrantExpired');
    expect(expiry).toMatchObject({ actor: 'system', rule: 'ledger.dual-control', data: { expiresOn: '2025-12-03' } });

    const later = await postGrant(ledger, grantBody(alliance.id, alliance.lead.creditCode, '7000000'));
    await ledger.close();
    ledger = await startLedger({ today: STORY_TODAY, env, dataDir });
    const restarted = await ledger.http.get(`/v1/subsidies/${later.body.id}?minPosition=${later.body.position + 1}`, {
      as: 'viewer',
    });
    expect(restarted.body).toMatchObject({ status: 'expired', signed: { outcome: 'expired' } });
  });
});
