/**
 * What the dashboard shows besides counts and money: progress toward each programme's own targets (dated policy
 * parameters with their clause), the running caps with their headroom, and the grants waiting for a second signature.
 */
import { consortiumPolicies } from '@ledger/domain/policies/consortium-policies';
import { FundingBoundaryState, initialBoundaryState } from '@ledger/domain/policies/funding/funding-boundary';
import { CapEvaluation } from '@ledger/domain/policies/funding/funding-policy';
import { addDays, BusinessDate } from '@ledger/domain/shared/dates';
import { fenToYuan } from '@ledger/domain/shared/money';
import { CONSORTIUM_POLICY_IDS, ConsortiumPolicyId } from '@ledger/domain/shared/policy-ids';
import { paramOn, PolicyParam, refOf } from '@ledger/domain/shared/rule';
import { LEDGER_FUNDING_RULES } from '@ledger/domain/policies/funding/ledger-funding-rules';
import { SubsidyState } from '@ledger/domain/subsidy/subsidy.state';
import { CounterRow, Jurisdiction, jurisdictionWhere, ReadStore } from '@ledger/platform';
import { consortiaLedBy } from '../consortia/lead-registries.projection';
import { capNowView, capsNow, distinctCaps } from '../funding/funding-caps';
import { FUNDING_BOUNDARIES } from '../funding/funding-boundaries.projection';
import { SubsidyRecord, SUBSIDIES } from '../subsidies/subsidies.projection';

/** The status a consortium counts toward its programme's target in (ledger.programme-targets). */
const COUNTED_STATUS = 'active';

export interface TargetProgress {
  policy: ConsortiumPolicyId;
  rule: string;
  citation: string;
  description: string;
  target: { count: number; by: BusinessDate; reading: 'about' | 'at-least' };
  /** Active consortia under the policy now. */
  count: number;
  /** Where the policy counts consortia by key chain: active consortia per chain named at filing. */
  chains?: {
    rule: string;
    citation: string;
    description: string;
    perChainMin: number;
    items: Array<{ chain: string; count: number; met: boolean }>;
  };
}

const valueOn = <T>(param: PolicyParam<T>, today: BusinessDate): T | undefined => {
  try {
    return paramOn(param, today);
  } catch {
    return undefined;
  }
};

/** Every programme target in force today, with the active consortia counted toward it. */
export function targetProgress(
  counts: CounterRow[],
  byChain: CounterRow[],
  today: BusinessDate,
  policies: ReadonlyArray<ConsortiumPolicyId> = CONSORTIUM_POLICY_IDS,
): TargetProgress[] {
  const active = (policy: string) =>
    counts
      .filter(({ key: [p, status] }) => p === policy && status === COUNTED_STATUS)
      .reduce((sum, row) => sum + row.values.count, 0);
  return policies.flatMap((id): TargetProgress[] => {
    const targets = consortiumPolicies[id].targets;
    const target = targets && valueOn(targets.consortia, today);
    if (!targets || !target) return [];
    const perChainMin = targets.perChainMin && valueOn(targets.perChainMin, today);
    const chainCounts = new Map<string, number>();
    for (const { key, values } of byChain) {
      const [policy, status, chain] = key.map(String);
      if (policy !== id) continue;
      chainCounts.set(chain, (chainCounts.get(chain) ?? 0) + (status === COUNTED_STATUS ? values.count : 0));
    }
    return [
      {
        policy: id,
        rule: targets.consortia.rule,
        citation: targets.consortia.citation,
        description: targets.consortia.description,
        target,
        count: active(id),
        ...(targets.perChainMin &&
          perChainMin !== undefined && {
            chains: {
              rule: targets.perChainMin.rule,
              citation: targets.perChainMin.citation,
              description: targets.perChainMin.description,
              perChainMin,
              items: [...chainCounts.entries()]
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([chain, count]) => ({ chain, count, met: count >= perChainMin })),
            },
          }),
      },
    ];
  });
}

/** More grants than a dashboard's caps are read from; the funding view per recipient has the rest. */
const MAX_GRANTS_FOR_CAPS = 5_000;
/** The caps shown: the fullest first. */
const MAX_CAPS = 20;

/**
 * The running caps (盟主's year, project, platform, alliance) the grants are counted against, as they stand now, with
 * a number to reach: the fullest first. The funding view's own reading (`capsNow`), over every live grant.
 */
export async function capUsage(readStore: ReadStore, jurisdiction?: Jurisdiction) {
  const found = await readStore.findDocuments<SubsidyRecord>(SUBSIDIES.name, {
    where: { status: { in: ['granted', 'pending'] }, ...jurisdictionWhere(jurisdiction) },
    orderBy: [['granted_on', 'desc']],
    limit: MAX_GRANTS_FOR_CAPS,
  });
  const states = found.documents.map((d) => d.state.state);
  const folds = new Map<string, FundingBoundaryState>();
  for (const streamId of new Set(states.flatMap((s) => s.boundaries))) {
    const doc = await readStore.getDocument<FundingBoundaryState>(FUNDING_BOUNDARIES.name, streamId);
    folds.set(streamId, doc?.state ?? initialBoundaryState());
  }
  const leads = new Map<string, string[] | undefined>();
  const keyOf = (s: SubsidyState) => `${s.policy}\u0000${s.recipient}\u0000${s.fiscalYear}`;
  for (const s of states) {
    const key = keyOf(s);
    if (!leads.has(key)) leads.set(key, await consortiaLedBy(readStore, s.policy, s.recipient, s.fiscalYear));
  }
  const caps: CapEvaluation[] = distinctCaps(
    states.flatMap((s) => capsNow(s, (id) => folds.get(id) ?? initialBoundaryState(), leads.get(keyOf(s)))),
  ).filter((cap) => cap.limitFen !== null && cap.limitFen > 0);
  const share = (cap: CapEvaluation) => (cap.usedFen ?? 0) / (cap.limitFen ?? 1);
  return caps
    .sort((a, b) => share(b) - share(a) || a.scope.localeCompare(b.scope))
    .slice(0, MAX_CAPS)
    .map(capNowView);
}

export interface PendingGrantRow {
  kind: 'second-signature';
  due: BusinessDate;
  overdue: boolean;
  subsidyId: string;
  consortiumId: string;
  policy: string;
  amount: string;
  maker: string;
  rule: string;
  citation: string;
}

/**
 * Grants waiting for a second signature (ledger.dual-control), due by the day the ledger releases them: those overdue
 * and those due within the horizon, as every other deadline of the dashboard.
 */
export async function pendingGrants(
  readStore: ReadStore,
  today: BusinessDate,
  horizonDays: number,
  jurisdiction?: Jurisdiction,
): Promise<PendingGrantRow[]> {
  const found = await readStore.findDocuments<SubsidyRecord>(SUBSIDIES.name, {
    where: { status: 'pending', ...jurisdictionWhere(jurisdiction) },
    orderBy: [['granted_on', 'asc']],
    limit: MAX_GRANTS_FOR_CAPS,
  });
  const horizon = addDays(today, horizonDays);
  return found.documents
    .flatMap(({ state: { state } }: { state: SubsidyRecord }) => pendingRow(state, today))
    .filter((row) => row.overdue || row.due <= horizon);
}

function pendingRow(s: SubsidyState, today: BusinessDate): PendingGrantRow[] {
  if (!s.dualControl) return [];
  return [
    {
      kind: 'second-signature',
      due: s.dualControl.expiresOn,
      overdue: s.dualControl.expiresOn < today,
      subsidyId: s.subsidyId,
      consortiumId: s.consortiumId,
      policy: s.policy,
      amount: fenToYuan(s.grantedFen),
      maker: s.dualControl.maker,
      ...refOf(LEDGER_FUNDING_RULES.dualControl),
    },
  ];
}
