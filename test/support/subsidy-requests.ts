import { enterprise, MEMBERS } from '@ledger/domain/consortium/consortium.fixtures';
import { activeConsortium, unitBody } from './consortium-requests';
import { LedgerClient } from './ledger-test-app';
import { ConsortiumPolicyId } from '@ledger/domain/shared/policy-ids';
import { Unit } from '@ledger/domain/shared/unit';

/** A lead that passes its policy's lead rules, fresh for every call (serials from `firstSerial` on). */
export function leadFactory(firstSerial: number) {
  let serial = firstSerial;
  const next = () => serial++;
  return {
    'liaoning-2021-alliance': (): Unit => enterprise('shenyang', next()),
    'luzhou-2024-consortium': (): Unit => enterprise('luzhou', next()),
    'tianjin-2018-alliance': (): Unit => enterprise('tianjin', next()),
    'nmg-2024-consortium': (): Unit => enterprise('baotou', next(), { rdExpenseLastYearFen: 200_000_000_00 }),
  } satisfies Record<ConsortiumPolicyId, () => Unit>;
}

export interface FundedConsortium {
  id: string;
  lead: Unit;
  members: Unit[];
  position: number;
}

/** An active consortium under `policy` with this lead and (by default) the fixture's members, over HTTP. */
export async function consortiumWith(
  ledger: LedgerClient,
  policy: ConsortiumPolicyId,
  lead: Unit,
  members: Unit[] = MEMBERS[policy],
): Promise<FundedConsortium> {
  const { id, position } = await activeConsortium(ledger, policy, {
    lead: unitBody(lead),
    members: members.map(unitBody),
  });
  return { id, lead, members, position };
}

export interface GrantBody {
  consortiumId: string;
  recipient: string;
  category: string;
  amount: string;
  fiscalYear: number;
  grantedOn: string;
  projectId?: string;
  projectTotalInvestment?: string;
  platformId?: string;
}

/** POST /v1/subsidies as finance (or another role). */
export const postGrant = (
  ledger: LedgerClient,
  body: GrantBody | Record<string, unknown>,
  headers: Record<string, string> = {},
) => ledger.http.post('/v1/subsidies', body, { as: 'finance', headers });

/** POST /v1/subsidies/{id}/{action} as finance. */
export const postSubsidy = (ledger: LedgerClient, id: string, action: string, body: Record<string, unknown>) =>
  ledger.http.post(`/v1/subsidies/${id}/${action}`, body, { as: 'finance' });

/** GET /v1/funding/{creditCode}?fiscalYear= once the projections have caught up with `position`. */
export const getFunding = (ledger: LedgerClient, creditCode: string, fiscalYear: number, position: number) =>
  ledger.http.get(`/v1/funding/${creditCode}?fiscalYear=${fiscalYear}&minPosition=${position}`, { as: 'viewer' });

/** The cap of a funding view or a grant answer with this rule. */
export const capOf = (body: { caps: Array<{ rule: string }> }, rule: string) =>
  body.caps.find((cap) => cap.rule === rule) as any;

/** RFC 4180: fields separated by commas, quoted fields with doubled quotes, records ended by CRLF. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}
