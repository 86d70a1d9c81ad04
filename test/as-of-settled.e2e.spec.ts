/**
 * What supervisors rely on (as-of, diff) under load and at its edges, over real HTTP on a real SQLite log: an as-of
 * answer names a moment that answers the same when asked again, and a diff's `to` is never before its `from`. Found
 * by a review (2026-12-03).
 */
import { RunningLedger, startLedger, STORY_TODAY } from './support/ledger-test-app';
import { consortiumWith, leadFactory, postGrant } from './support/subsidy-requests';
import { LedgerProcess, startLedgerProcess, testLedgerEnv } from './support/ledger-process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let ledger: RunningLedger;
const leads = leadFactory(7700);
const supervisor = { as: 'supervisor' } as const;

beforeAll(async () => {
  ledger = await startLedger({ today: STORY_TODAY });
});
afterAll(() => ledger.close());

describe('diff: `to` before `from`', () => {
  let id: string;
  let approvedAt: number;

  beforeAll(async () => {
    const consortium = await consortiumWith(ledger, 'liaoning-2021-alliance', leads['liaoning-2021-alliance']());
    id = consortium.id;
    approvedAt = consortium.position;
    // Events of other streams follow the approval in the log: position approvedAt + 1 is the grant's, not the consortium's.
    const grant = await postGrant(ledger, {
      consortiumId: id,
      recipient: consortium.lead.creditCode,
      category: 'liaoning.operating',
      amount: '1000000',
      fiscalYear: 2025,
      grantedOn: '2025-11-01',
    });
    expect(grant.status).toBe(201);
  });

  it('is 400 naming `to` whenever the moment `to` is before the moment `from`, even between two of its events', async () => {
    // API.md, Replay, diff and as-of: "`to` before `from` is 400 naming `to`."
    const answer = await ledger.http.get(
      `/v1/consortia/${id}/diff?from=${approvedAt + 1}&to=${approvedAt}`,
      supervisor,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.details).toEqual([{ field: 'to', problems: [expect.any(String)] }]);
    // Two moments still to come, both taken at the last event: still one asked before the other.
    const ahead = await ledger.http.get(`/v1/consortia/${id}/diff?from=2099-01-01&to=2098-01-01`, supervisor);
    expect(ahead.status).toBe(400);
  });

  it('says so in Chinese by default, the moment included (no English words in a Chinese answer)', async () => {
    // API.md, Language: every answer with words speaks the language Accept-Language asks for, Chinese by default.
    const answer = await ledger.http.get(`/v1/consortia/${id}/diff?from=${approvedAt}&to=1`, supervisor);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-language')).toBe('zh-CN');
    expect(answer.body.message).not.toMatch(/at position|as of/);
  });
});

describe('as-of a moment still to come (the built ledger, a process of its own)', () => {
  let built: LedgerProcess;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-review-history-'));
    built = await startLedgerProcess('ledger', testLedgerEnv(dataDir, STORY_TODAY));
  });
  afterAll(async () => {
    await built?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('names a moment that answers the same when asked again, while commands are being recorded', async () => {
    // API.md, Replay, diff and as-of: "The answer names the moment it was taken at (`asOf`, …): asked again for it, it
    // answers the same, however many events are recorded since. No answer names a moment whose events may still be
    // recorded."
    const consortium = await consortiumWith(built, 'liaoning-2021-alliance', leads['liaoning-2021-alliance']());
    const grant = await postGrant(built, {
      consortiumId: consortium.id,
      recipient: consortium.lead.creditCode,
      category: 'liaoning.operating',
      amount: '3000000',
      fiscalYear: 2025,
      grantedOn: '2025-11-01',
    });
    expect(grant.status).toBe(201);
    const path = `/v1/subsidies/${grant.body.id}`;
    let writing = true;
    const payments = async (writer: number) => {
      for (let i = 0; i < 100; i++) {
        const paid = await built.http.post(
          `${path}/disbursements`,
          { amount: '1.00', paidOn: '2025-11-02', voucher: `V-${writer}-${i}` },
          { as: 'finance' },
        );
        expect(paid.status).toBe(201);
      }
    };
    // A moment still to come, and one just passed (events stamped by then may still be on their way to the log).
    const taken: Array<{ named: string; position: number; disbursed: string }> = [];
    const reader = async () => {
      for (let turn = 0; writing; turn++) {
        const moment = turn % 2 === 0 ? '2999-01-01' : new Date().toISOString();
        const answer = await built.http.get(`${path}?asOf=${encodeURIComponent(moment)}`, supervisor);
        expect(answer.status).toBe(200);
        const { asOf, atPosition, position, disbursed } = answer.body;
        const named = asOf !== undefined ? `asOf=${encodeURIComponent(asOf)}` : `atPosition=${atPosition}`;
        taken.push({ named, position, disbursed });
      }
    };
    const readers = [reader(), reader(), reader(), reader()];
    await Promise.all([payments(1), payments(2), payments(3), payments(4)]);
    writing = false;
    await Promise.all(readers);

    const changed: unknown[] = [];
    for (const first of taken) {
      const again = await built.http.get(`${path}?${first.named}`, supervisor);
      if (again.body.position !== first.position)
        changed.push({ first, again: { position: again.body.position, disbursed: again.body.disbursed } });
    }
    expect(taken.length).toBeGreaterThan(0);
    expect(changed).toEqual([]);
  }, 120_000);
});
