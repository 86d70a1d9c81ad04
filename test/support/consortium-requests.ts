import { CONSORTIUM_IDS, fileConsortium, TIMELINES } from '@ledger/domain/consortium/consortium.fixtures';
import { unitView } from '@ledger/presentation/consortium.view';
import { LedgerClient } from './ledger-test-app';
import { ConsortiumPolicyId } from '@ledger/domain/shared/policy-ids';

/** A domain unit as the API takes it (and shows it): money as yuan strings. */
export const unitBody = unitView;

/** The body of POST /v1/consortia for the domain's eligible fixture filing under `policy`. */
export function filingBody(policy: ConsortiumPolicyId, overrides: Record<string, unknown> = {}) {
  const { consortiumId: _id, lead, members, ...rest } = fileConsortium(policy).data;
  return { ...rest, lead: unitBody(lead), members: members.map(unitBody), ...overrides };
}

export { CONSORTIUM_IDS, TIMELINES };

/** Files the fixture consortium over HTTP and takes it through reviews, notice and approval; returns its id. */
export async function activeConsortium(
  ledger: LedgerClient,
  policy: ConsortiumPolicyId,
  overrides: Record<string, unknown> = {},
) {
  const t = TIMELINES[policy];
  const filed = await ledger.http.post('/v1/consortia', filingBody(policy, overrides), { as: 'officer' });
  if (filed.status !== 201) throw new Error(`filing refused: ${filed.text}`);
  const id: string = filed.body.id;
  for (const review of t.reviews) {
    await expectCreated(
      ledger.http.post(`/v1/consortia/${id}/reviews`, { ...review, outcome: 'pass' }, { as: 'officer' }),
    );
  }
  await expectCreated(
    ledger.http.post(`/v1/consortia/${id}/public-notice`, { startsOn: t.noticeStartsOn }, { as: 'officer' }),
  );
  const approved = await expectCreated(
    ledger.http.post(`/v1/consortia/${id}/approval`, { on: t.approvedOn }, { as: 'officer' }),
  );
  return { id, position: approved.body.position as number, filing: filed.body };
}

async function expectCreated(answer: Promise<{ status: number; text: string; body: any }>) {
  const settled = await answer;
  if (settled.status !== 201) throw new Error(`expected 201, got ${settled.status}: ${settled.text}`);
  return settled;
}
