/**
 * SLW-1, the subsidy ledger workload: 1,000 funding streams = 100 Liaoning alliances (each its own 盟主) × 10 fiscal
 * years; grant commands of category liaoning.jiebang, each on its own project (total investment 1亿, so only the 盟主
 * annual cap binds), stream and amount drawn by mulberry32 (seed 20240601): stream = ⌊r·1000⌋, then
 * amount = 100 × (10,000 + ⌊r·1,990,001⌋) fen. 盟主 = stream mod 100, year = 2031 + ⌊stream / 100⌋, granted on
 * 1 March of that year; the business date is 2040-12-31.
 */
import { commandsFor, enterprise, fileConsortium, TIMELINES } from '@ledger/domain/consortium/consortium.fixtures';
import { ConsortiumCommand } from '@ledger/domain/consortium/consortium.commands';
import { GrantSubsidy } from '@ledger/domain/subsidy/subsidy.commands';
import { wan } from '@ledger/domain/shared/money';
import { mulberry32 } from '../support/mulberry32';

export const SLW1 = {
  alliances: 100,
  years: 10,
  firstYear: 2031,
  seed: 20240601,
  today: '2040-12-31',
  projectTotalInvestmentFen: wan(10_000),
  /** liaoning.mengzhu-annual-cap: 2000万 a 盟主 a year. */
  mengzhuCapFen: wan(2_000),
} as const;

const POLICY = 'liaoning-2021-alliance';

export const allianceId = (k: number) => `slw1-alliance-${String(k).padStart(3, '0')}`;
export const mengzhuOf = (k: number) => enterprise('shenyang', 7000 + k);

/** The commands that take alliance k from filing to approval. */
export function allianceSetup(k: number): ConsortiumCommand[] {
  const consortiumId = allianceId(k);
  const t = TIMELINES[POLICY];
  const c = commandsFor(POLICY, consortiumId);
  return [
    fileConsortium(POLICY, { consortiumId, lead: mengzhuOf(k) }),
    ...t.reviews.map((r) => c.review(r.stage, r.on)),
    c.startNotice(t.noticeStartsOn),
    c.approve(t.approvedOn),
  ];
}

export interface Slw1Grant {
  command: GrantSubsidy;
  stream: number;
  mengzhu: string;
  year: number;
}

/** The first `count` grants of SLW-1, in order. */
export function slw1Grants(count: number): Slw1Grant[] {
  const random = mulberry32(SLW1.seed);
  return Array.from({ length: count }, (_, i) => {
    const stream = Math.floor(random() * SLW1.alliances * SLW1.years);
    const amountFen = 100 * (10_000 + Math.floor(random() * 1_990_001));
    const k = stream % SLW1.alliances;
    const year = SLW1.firstYear + Math.floor(stream / SLW1.alliances);
    const mengzhu = mengzhuOf(k).creditCode;
    const command: GrantSubsidy = {
      type: 'GrantSubsidy',
      data: {
        subsidyId: `slw1-${String(i).padStart(6, '0')}`,
        consortiumId: allianceId(k),
        recipient: mengzhu,
        category: 'liaoning.jiebang',
        amountFen,
        fiscalYear: year,
        grantedOn: `${year}-03-01`,
        projectId: `slw1-project-${i}`,
        projectTotalInvestmentFen: SLW1.projectTotalInvestmentFen,
      },
    };
    return { command, stream, mengzhu, year };
  });
}

/**
 * The serial oracle: the grants in order against the 盟主 annual cap alone (every other rule passes by construction).
 * The ledger at 1 in flight must accept exactly these.
 */
export function serialOutcome(grants: ReadonlyArray<Slw1Grant>): boolean[] {
  const used = new Map<number, number>();
  return grants.map(({ stream, command }) => {
    const before = used.get(stream) ?? 0;
    const fits = before + command.data.amountFen <= SLW1.mengzhuCapFen;
    if (fits) used.set(stream, before + command.data.amountFen);
    return fits;
  });
}
