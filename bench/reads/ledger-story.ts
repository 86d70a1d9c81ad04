/**
 * The story a generated ledger tells, as commands: consortia of every policy through their lifecycle (reviews, notices,
 * objections, approvals, rejections, withdrawals, members, waivers, evaluations, renames, lead changes, dissolutions),
 * subsidies with disbursements, cancellations, clawbacks, refunds and terminations, and demonstration zones with annual
 * reports and evaluations. Each entity's commands depend on the answers before them (a notice's end, a subsidy's
 * figures), so an entity is a small async script run through the ledger's own command handlers.
 */
import { enterprise, MEMBERS, researchInstitute, university } from '@ledger/domain/consortium/consortium.fixtures';
import { ConsortiumCommand } from '@ledger/domain/consortium/consortium.commands';
import { addDays, addYears, BusinessDate } from '@ledger/domain/shared/dates';
import { wan } from '@ledger/domain/shared/money';
import { ConsortiumPolicyId } from '@ledger/domain/shared/policy-ids';
import { Unit } from '@ledger/domain/shared/unit';
import { SubsidyCommand } from '@ledger/domain/subsidy/subsidy.commands';
import { FULL_MARKS_INDICATORS } from '@ledger/domain/zone/zone.fixtures';
import { ZoneCommand } from '@ledger/domain/zone/zone.commands';

/** The business date the story is told up to (every fact on or before it). */
export const STORY_TODAY = '2027-06-30';

/** How commands reach the ledger: each answers what the handler answered, or throws its rejection. */
export interface StoryLedger {
  consortium(command: ConsortiumCommand): Promise<{ endsOn?: string; status: string }>;
  subsidy(command: SubsidyCommand): Promise<unknown>;
  zone(command: ZoneCommand): Promise<unknown>;
}

const POLICIES: ConsortiumPolicyId[] = [
  'liaoning-2021-alliance',
  'liaoning-2021-alliance',
  'luzhou-2024-consortium',
  'nmg-2024-consortium',
  'tianjin-2018-alliance',
];

/** When each policy's filings may start, and how many days they spread over (Tianjin's measures end 2020-12-31). */
const WINDOWS: Record<ConsortiumPolicyId, { from: BusinessDate; days: number }> = {
  'liaoning-2021-alliance': { from: '2024-01-02', days: 700 },
  'luzhou-2024-consortium': { from: '2024-06-03', days: 500 },
  'nmg-2024-consortium': { from: '2025-01-06', days: 400 },
  'tianjin-2018-alliance': { from: '2019-02-11', days: 500 },
};

const REVIEW_STAGES: Record<ConsortiumPolicyId, Array<'preliminary' | 'formal' | 'technical' | 'expert'>> = {
  'liaoning-2021-alliance': ['preliminary'],
  'luzhou-2024-consortium': ['preliminary', 'expert'],
  'nmg-2024-consortium': ['expert'],
  'tianjin-2018-alliance': ['formal', 'technical', 'expert'],
};

/** Leads are unique per consortium (nmg and Luzhou allow one consortium per lead): serials from 100,000 on. */
function leadOf(policy: ConsortiumPolicyId, n: number): Unit {
  const serial = 100_000 + n;
  switch (policy) {
    case 'nmg-2024-consortium':
      return enterprise('baotou', serial, {
        rdExpense3yFen: wan(5_000),
        revenue3yFen: wan(100_000),
        rdExpenseLastYearFen: wan(2_000),
      });
    case 'luzhou-2024-consortium':
      return enterprise('luzhou', serial);
    case 'liaoning-2021-alliance':
      return enterprise(n % 3 === 0 ? 'dalian' : 'shenyang', serial);
    case 'tianjin-2018-alliance':
      return enterprise('tianjin', serial);
  }
}

const NAMES: Record<ConsortiumPolicyId, (n: number) => string> = {
  'nmg-2024-consortium': (n) => `内蒙古自治区稀土新材料${n}号产业链创新联合体`,
  'luzhou-2024-consortium': (n) => `泸州白酒智能装备创新联合体${n}`,
  'liaoning-2021-alliance': (n) => `辽宁重型装备实质性产学研联盟${n}`,
  'tianjin-2018-alliance': (n) => `天津智能装备产业技术创新战略联盟${n}`,
};

/** What happens to a consortium after it is filed. */
type Fate = 'rejected' | 'withdrawn' | 'pending' | 'active' | 'dissolved';

function fateOf(r: number): Fate {
  if (r < 0.04) return 'rejected';
  if (r < 0.07) return 'withdrawn';
  if (r < 0.1) return 'pending';
  if (r < 0.85) return 'active';
  return 'dissolved';
}

export interface StoryConsortium {
  id: string;
  policy: ConsortiumPolicyId;
  lead: Unit;
  members: Unit[];
  approvedOn?: BusinessDate;
  lastOn: BusinessDate;
  status: string;
  fate: Fate;
}

/** Consortium `n`: filed, reviewed, noticed and decided, then (when active) changed and evaluated. */
export async function consortiumStory(ledger: StoryLedger, n: number, random: () => number): Promise<StoryConsortium> {
  const policy = POLICIES[n % POLICIES.length];
  const id = `gen-c-${n}`;
  const lead = leadOf(policy, n);
  const members = [...MEMBERS[policy]];
  const window = WINDOWS[policy];
  const filedOn = addDays(window.from, Math.floor(random() * window.days));
  const fate = fateOf(random());
  const story: StoryConsortium = { id, policy, lead, members, lastOn: filedOn, status: 'filed', fate };
  const send = async (command: ConsortiumCommand, on: BusinessDate) => {
    const answer = await ledger.consortium(command);
    story.lastOn = on;
    story.status = answer.status;
    return answer;
  };
  await send(
    {
      type: 'FileConsortium',
      data: {
        consortiumId: id,
        policy,
        name: NAMES[policy](n),
        filedOn,
        lead,
        members,
        agreementSigned: true,
        integrityCommitment: true,
        governance: { council: true, expertCommittee: true, secretariat: true, managementBody: true },
      },
    },
    filedOn,
  );
  if (fate === 'withdrawn') {
    await send({ type: 'WithdrawConsortium', data: { consortiumId: id, on: addDays(filedOn, 5) } }, filedOn);
    return story;
  }
  let on = filedOn;
  for (const stage of REVIEW_STAGES[policy]) {
    on = addDays(on, 7);
    const outcome = fate === 'rejected' && stage === REVIEW_STAGES[policy][0] ? 'fail' : 'pass';
    await send({ type: 'RecordReview', data: { consortiumId: id, stage, outcome, on } }, on);
    if (outcome === 'fail') {
      on = addDays(on, 3);
      await send({ type: 'RejectConsortium', data: { consortiumId: id, on, reason: '不符合组建条件' } }, on);
      return story;
    }
  }
  if (fate === 'pending') return story;
  on = addDays(on, 7);
  const notice = await send({ type: 'StartPublicNotice', data: { consortiumId: id, startsOn: on } }, on);
  const endsOn = notice.endsOn ?? addDays(on, 10);
  if (random() < 0.1) {
    await send({ type: 'RecordObjection', data: { consortiumId: id, on, text: '成员单位材料不实' } }, on);
    await send({ type: 'ResolveObjection', data: { consortiumId: id, n: 1, on, outcome: 'dismissed' } }, on);
  }
  on = addDays(endsOn, 1);
  await send({ type: 'ApproveConsortium', data: { consortiumId: id, on } }, on);
  story.approvedOn = on;
  return story;
}

/**
 * After its grants: members come and go, names change (under nmg: dissolved), evaluations fall due and are recorded,
 * and some consortia are dissolved.
 */
export async function laterLife(ledger: StoryLedger, story: StoryConsortium, n: number, random: () => number) {
  if (story.status !== 'active' || !story.approvedOn) return;
  story.lastOn = laterOf(story.lastOn, addDays(story.approvedOn, 150));
  await activeLife(ledger, story, n, random);
  if (story.fate === 'dissolved' && story.status === 'active') {
    const on = addDays(story.lastOn, 30);
    if (on <= STORY_TODAY)
      await ledger.consortium({
        type: 'DissolveConsortium',
        data: { consortiumId: story.id, on, reason: '联盟任务完成' },
      });
  }
}

async function activeLife(ledger: StoryLedger, story: StoryConsortium, n: number, random: () => number) {
  const id = story.id;
  const after = (days: number) => addDays(story.lastOn, days);
  const send = async (command: ConsortiumCommand, on: BusinessDate) => {
    if (on > STORY_TODAY) return;
    const answer = await ledger.consortium(command);
    story.lastOn = on;
    story.status = answer.status;
  };
  if (random() < 0.3) {
    const member = random() < 0.5 ? university('shenyang', 900_000 + n) : researchInstitute('beijing', 900_000 + n);
    await send({ type: 'AddMember', data: { consortiumId: id, on: after(20), member } }, after(20));
    if (random() < 0.5) {
      await send(
        { type: 'RemoveMember', data: { consortiumId: id, on: after(40), creditCode: member.creditCode } },
        after(40),
      );
    }
  }
  if (story.policy === 'nmg-2024-consortium' && random() < 0.05) {
    await send(
      {
        type: 'RenameConsortium',
        data: { consortiumId: id, on: after(60), name: `内蒙古自治区${n}号产业链创新联合体` },
      },
      after(60),
    );
  }
  if (story.policy === 'luzhou-2024-consortium' && story.approvedOn) {
    // luzhou.evaluation-cycle: due on the anniversaries of approval every 2 years, accepted from 3 months before.
    for (let cycle = 1; story.status === 'active'; cycle++) {
      const due = addYears(story.approvedOn, 2 * cycle);
      const on = addDays(due, -20);
      if (on > STORY_TODAY) break;
      const grade = random() < 0.2 ? 'unqualified' : 'qualified';
      await send(
        { type: 'RecordEvaluation', data: { consortiumId: id, period: String(cycle), on, grade } },
        laterOf(on, story.lastOn),
      );
    }
  }
}

const laterOf = (a: BusinessDate, b: BusinessDate) => (a > b ? a : b);

const CATEGORY: Record<ConsortiumPolicyId, string> = {
  'liaoning-2021-alliance': 'liaoning.jiebang',
  'luzhou-2024-consortium': 'luzhou.platform',
  'nmg-2024-consortium': 'nmg.project',
  'tianjin-2018-alliance': 'tianjin.filing',
};

/** Grants to an active consortium's lead, each paid in tranches; some cancelled, clawed back and refunded. */
export async function subsidyStory(
  ledger: StoryLedger,
  consortium: StoryConsortium,
  random: () => number,
): Promise<number> {
  if (!consortium.approvedOn) return 0;
  const r = random();
  const grants = r < 0.36 ? 0 : r < 0.88 || consortium.policy === 'tianjin-2018-alliance' ? 1 : 2;
  let made = 0;
  for (let g = 0; g < grants; g++) {
    const subsidyId = `${consortium.id}-s${g}`;
    const grantedOn = addDays(consortium.approvedOn, 10 + g * 30);
    if (grantedOn > STORY_TODAY || (consortium.policy === 'tianjin-2018-alliance' && grantedOn > '2020-12-31')) break;
    const amountFen = wan(10 * (1 + Math.floor(random() * 9)));
    const category = CATEGORY[consortium.policy];
    try {
      await ledger.subsidy({
        type: 'GrantSubsidy',
        data: {
          subsidyId,
          consortiumId: consortium.id,
          recipient: consortium.lead.creditCode,
          category: category as never,
          amountFen,
          fiscalYear: Number(grantedOn.slice(0, 4)),
          grantedOn,
          ...(category === 'liaoning.jiebang' && {
            projectId: `${subsidyId}-p`,
            projectTotalInvestmentFen: wan(10_000),
          }),
          ...(category === 'nmg.project' && { projectId: `${subsidyId}-p` }),
          ...(category === 'luzhou.platform' && { platformId: `${consortium.id}-pf${g}` }),
        },
      });
    } catch (error) {
      if (isCapRefusal(error)) continue;
      throw error;
    }
    made++;
    await movements(ledger, subsidyId, amountFen, grantedOn, random);
  }
  return made;
}

async function movements(
  ledger: StoryLedger,
  subsidyId: string,
  amountFen: number,
  grantedOn: BusinessDate,
  random: () => number,
) {
  const paid = Math.floor(amountFen / 2 / 100) * 100;
  let on = addDays(grantedOn, 15);
  if (on > STORY_TODAY) return;
  await ledger.subsidy({
    type: 'DisburseSubsidy',
    data: { subsidyId, amountFen: paid, paidOn: on, voucher: `${subsidyId}-v1` },
  });
  const r = random();
  on = addDays(on, 15);
  if (on > STORY_TODAY) return;
  if (r < 0.5) {
    await ledger.subsidy({
      type: 'DisburseSubsidy',
      data: { subsidyId, amountFen: amountFen - paid, paidOn: on, voucher: `${subsidyId}-v2` },
    });
  } else if (r < 0.75) {
    await ledger.subsidy({
      type: 'CancelSubsidy',
      data: { subsidyId, amountFen: amountFen - paid, on, reason: '预算调整' },
    });
  } else if (r < 0.9) {
    const back = Math.floor(paid / 2 / 100) * 100;
    await ledger.subsidy({ type: 'ClawBackSubsidy', data: { subsidyId, amountFen: back, on, reason: 'misuse' } });
    await ledger.subsidy({
      type: 'RecordSubsidyRefund',
      data: { subsidyId, amountFen: back, receivedOn: addDays(on, 10), voucher: `${subsidyId}-r1` },
    });
  } else {
    await ledger.subsidy({ type: 'TerminateSubsidy', data: { subsidyId, on, reason: '项目终止' } });
  }
}

const isCapRefusal = (error: unknown): boolean =>
  (error as { rejection?: { code?: string } }).rejection?.code === 'cap-exceeded';

/** Zone `n`: designated, reports every year, evaluated on its cycle. */
export async function zoneStory(ledger: StoryLedger, n: number, random: () => number): Promise<void> {
  const zoneId = `gen-z-${n}`;
  const approvedOn = addDays('2022-12-01', Math.floor(random() * 200));
  await ledger.zone({
    type: 'DesignateZone',
    data: { zoneId, policy: 'nmg-2022-zone', name: `示范区${n}号科技成果转移转化示范区`, approvedOn },
  });
  for (let year = Number(approvedOn.slice(0, 4)); year <= 2026; year++) {
    const submittedOn = `${year + 1}-01-20`;
    if (submittedOn > STORY_TODAY) break;
    await ledger.zone({
      type: 'SubmitAnnualReport',
      data: { zoneId, year, submittedOn, indicators: FULL_MARKS_INDICATORS },
    });
  }
  // Evaluated once approved 3 years (满3年, zone.evaluation-from-anniversary): from the third anniversary on.
  const evaluatedOn = addDays(addYears(approvedOn, 3), 10);
  if (evaluatedOn <= STORY_TODAY) {
    const grade = random() < 0.1 ? 'unqualified' : 'qualified';
    await ledger.zone({ type: 'RecordZoneEvaluation', data: { zoneId, on: evaluatedOn, grade } });
  }
}
