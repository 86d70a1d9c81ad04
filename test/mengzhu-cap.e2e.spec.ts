/**
 * liaoning.mengzhu-annual-cap over HTTP (liaoning.mengzhu-status): a unit that is a 盟主 is capped at 2000万 a year in
 * every role and order — what it receives as a member of another alliance counts and is checked too — and concurrent
 * grants in both roles accept exactly what fits.
 */
import { enterprise, university } from '@ledger/domain/consortium/consortium.fixtures';
import { Unit } from '@ledger/domain/shared/unit';
import { unitBody } from './support/consortium-requests';
import { RunningLedger, startLedger, STORY_TODAY } from './support/ledger-test-app';
import { capOf, consortiumWith, getFunding, postGrant } from './support/subsidy-requests';

let ledger: RunningLedger;
beforeAll(async () => {
  ledger = await startLedger({ today: STORY_TODAY });
});
afterAll(() => ledger.close());

/** A unit that leads alliance B (its 盟主 since B's approval) and is a member of alliance A. */
async function mengzhuOfBAndMemberOfA(serial: number) {
  const unit = enterprise('shenyang', serial);
  const others = (n: number): Unit[] => [
    enterprise('dalian', serial * 10 + n),
    university('shenyang', serial * 10 + n),
  ];
  const allianceB = await consortiumWith(ledger, 'liaoning-2021-alliance', unit, others(1));
  const allianceA = await consortiumWith(ledger, 'liaoning-2021-alliance', enterprise('shenyang', serial + 500), [
    unit,
    ...others(2),
  ]);
  const talent = (consortiumId: string, wan: number, fiscalYear = 2026) =>
    postGrant(ledger, {
      consortiumId,
      recipient: unit.creditCode,
      category: 'liaoning.talent',
      amount: `${wan * 10_000}.00`,
      fiscalYear,
      grantedOn: `${fiscalYear}-03-02`,
    });
  return {
    unit,
    allianceB,
    asMengzhu: (wan: number, year?: number) => talent(allianceB.id, wan, year),
    asMember: (wan: number, year?: number) => talent(allianceA.id, wan, year),
    memberGrant: (wan: number, grantedOn: string) =>
      postGrant(ledger, {
        consortiumId: allianceA.id,
        recipient: unit.creditCode,
        category: 'liaoning.talent',
        amount: `${wan * 10_000}.00`,
        fiscalYear: Number(grantedOn.slice(0, 4)),
        grantedOn,
      }),
  };
}

describe('liaoning.mengzhu-annual-cap — 若干政策 7, in every role and order', () => {
  it('1900万 as 盟主 of B, then 200万 as a member of A: the member-role grant is refused (cap-exceeded, headroom 100万)', async () => {
    const unit = await mengzhuOfBAndMemberOfA(7001);
    expect((await unit.asMengzhu(1000)).status).toBe(201);
    expect((await unit.asMengzhu(900)).status).toBe(201);
    const refused = await unit.asMember(200);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      error: 'cap-exceeded',
      rule: 'liaoning.mengzhu-annual-cap',
      limit: '20000000.00',
      used: '19000000.00',
      requested: '2000000.00',
      headroom: '1000000.00',
    });
    expect((await unit.asMember(100)).status).toBe(201);
  });

  it('1900万 as a member of A, then 200万 as 盟主 of B: refused the same way', async () => {
    const unit = await mengzhuOfBAndMemberOfA(7002);
    expect((await unit.asMember(1000)).status).toBe(201);
    expect((await unit.asMember(900)).status).toBe(201);
    const refused = await unit.asMengzhu(200);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: 'cap-exceeded', used: '19000000.00', headroom: '1000000.00' });
  });

  it('once B is dissolved the unit is a 盟主 of that year still (ledger.grant-on-its-date), and of none after: the views count the caps as the next grant checks them', async () => {
    const mengzhu = await mengzhuOfBAndMemberOfA(7005);
    expect((await mengzhu.asMember(1000)).status).toBe(201);
    expect((await mengzhu.asMember(1000)).status).toBe(201);
    expect((await mengzhu.memberGrant(100, '2026-03-09')).status).toBe(422);
    const dissolved = await ledger.http.post(
      `/v1/consortia/${mengzhu.allianceB.id}/dissolution`,
      { on: '2026-03-10', reason: '联盟任务完成' },
      { as: 'officer' },
    );
    expect(dissolved.status).toBe(201);
    // A 盟主 for a day of 2026 is bound for all of 2026: neither a later date nor recording it later escapes the cap.
    const sameYear = await mengzhu.memberGrant(100, '2026-03-11');
    expect(sameYear.status).toBe(422);
    expect(sameYear.body).toMatchObject({ error: 'cap-exceeded', rule: 'liaoning.mengzhu-annual-cap' });
    const nextYear = await mengzhu.memberGrant(100, '2027-03-02');
    expect(nextYear.status).toBe(201);
    expect(capOf(nextYear.body, 'liaoning.mengzhu-annual-cap')).toBeUndefined();
    const at = nextYear.body.position;
    const funding2026 = await getFunding(ledger, mengzhu.unit.creditCode, 2026, at);
    expect(capOf(funding2026.body, 'liaoning.mengzhu-annual-cap')).toMatchObject({
      used: '20000000.00',
      headroom: '0.00',
    });
    const funding2027 = await getFunding(ledger, mengzhu.unit.creditCode, 2027, at);
    expect(funding2027.status).toBe(200);
    expect(capOf(funding2027.body, 'liaoning.mengzhu-annual-cap')).toBeUndefined();
    const dashboard = await ledger.http.get(`/v1/dashboard/caps?minPosition=${at}`, { as: 'viewer' });
    expect(dashboard.status).toBe(200);
    const scopes = dashboard.body.caps.map((cap: { scope: string }) => cap.scope);
    expect(scopes).toContain(`funding-${mengzhu.unit.creditCode}-2026`);
    expect(scopes).not.toContain(`funding-${mengzhu.unit.creditCode}-2027`);
  });

  it("after a lead change, a grant dated before it is the former 盟主's (capped), and the new lead receives nothing as 盟主 dated before it led", async () => {
    const former = enterprise('shenyang', 7011);
    const next = enterprise('dalian', 7011);
    const alliance = await consortiumWith(ledger, 'liaoning-2021-alliance', former, [
      next,
      university('shenyang', 7011),
    ]);
    const grantTo = (recipient: Unit, category: string, wan: number, grantedOn: string) =>
      postGrant(ledger, {
        consortiumId: alliance.id,
        recipient: recipient.creditCode,
        category,
        amount: `${wan * 10_000}.00`,
        fiscalYear: 2026,
        grantedOn,
      });
    expect((await grantTo(former, 'liaoning.talent', 1000, '2026-04-01')).status).toBe(201);
    expect((await grantTo(former, 'liaoning.talent', 1000, '2026-04-01')).status).toBe(201);
    expect((await grantTo(former, 'liaoning.talent', 100, '2026-04-02')).status).toBe(422);
    const changed = await ledger.http.post(
      `/v1/consortia/${alliance.id}/lead-change`,
      { on: '2026-05-01', newLead: unitBody(next) },
      { as: 'officer' },
    );
    expect(changed.status).toBe(201);
    const backdated = await grantTo(former, 'liaoning.talent', 100, '2026-04-02');
    expect(backdated.status).toBe(422);
    expect(backdated.body).toMatchObject({ error: 'cap-exceeded', rule: 'liaoning.mengzhu-annual-cap' });
    const operatingBefore = await grantTo(next, 'liaoning.operating', 300, '2026-04-15');
    expect(operatingBefore.status).toBe(422);
    expect(operatingBefore.body).toMatchObject({ rule: 'liaoning.operating-funds' });
    const operatingAfter = await grantTo(next, 'liaoning.operating', 300, '2026-05-02');
    expect(operatingAfter.status).toBe(201);
    expect(operatingAfter.body).toMatchObject({ recipientRole: 'lead' });
  });

  it('a member-role grant answers the cap it was checked against', async () => {
    const unit = await mengzhuOfBAndMemberOfA(7003);
    const granted = await unit.asMember(300);
    expect(granted.status).toBe(201);
    expect(granted.body.caps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'liaoning.mengzhu-annual-cap', limit: '20000000.00', headroom: '17000000.00' }),
      ]),
    );
  });

  it('racing grants in both roles accept exactly what fits (a round a year, 2026–2030: 1000万 as 盟主 against 1000万 + 500万 as a member, 1500万 used)', async () => {
    const unit = await mengzhuOfBAndMemberOfA(7004);
    for (let round = 0; round < 5; round++) {
      const year = 2026 + round;
      const grantedOn = (answer: { status: number }) => answer.status === 201;
      expect((await unit.asMember(500, year)).status).toBe(201);
      const answers = await Promise.all([unit.asMengzhu(1000, year), unit.asMember(1000, year)]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
      expect(answers.filter(grantedOn)).toHaveLength(1);
      const refused = answers.find((a) => a.status === 422);
      expect(refused?.body).toMatchObject({ error: 'cap-exceeded', used: '15000000.00' });
    }
  });
});
