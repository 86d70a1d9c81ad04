/**
 * One consortium with a long history, for the as-of bench: a Liaoning alliance whose members come and go until its
 * stream holds about 1,000 events.
 */
import { enterprise, MEMBERS, university } from '@ledger/domain/consortium/consortium.fixtures';
import { addDays } from '@ledger/domain/shared/dates';
import { StoryLedger } from './ledger-story';

export const LONG_STREAM_CONSORTIUM = 'gen-c-long';
const TARGET_EVENTS = 1_000;

/** Answers how many events the consortium's stream holds. */
export async function longStreamStory(ledger: StoryLedger): Promise<number> {
  const consortiumId = LONG_STREAM_CONSORTIUM;
  const policy = 'liaoning-2021-alliance';
  await ledger.consortium({
    type: 'FileConsortium',
    data: {
      consortiumId,
      policy,
      name: '辽宁长历史实质性产学研联盟',
      filedOn: '2024-01-02',
      lead: enterprise('shenyang', 9_000_001),
      members: MEMBERS[policy],
      agreementSigned: true,
      integrityCommitment: true,
      governance: { council: true, expertCommittee: true, secretariat: true, managementBody: true },
    },
  });
  await ledger.consortium({
    type: 'RecordReview',
    data: { consortiumId, stage: 'preliminary', outcome: 'pass', on: '2024-01-10' },
  });
  const notice = await ledger.consortium({ type: 'StartPublicNotice', data: { consortiumId, startsOn: '2024-01-15' } });
  const approvedOn = notice.endsOn ? addDays(notice.endsOn, 1) : '2024-02-01';
  await ledger.consortium({ type: 'ApproveConsortium', data: { consortiumId, on: approvedOn } });
  let events = 4;
  const member = university('shenyang', 9_000_002);
  for (let day = 0; events < TARGET_EVENTS; day++) {
    const on = addDays(approvedOn, day);
    await ledger.consortium({ type: 'AddMember', data: { consortiumId, on, member } });
    await ledger.consortium({ type: 'RemoveMember', data: { consortiumId, on, creditCode: member.creditCode } });
    events += 2;
  }
  return events;
}
