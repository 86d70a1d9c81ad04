/**
 * Which streams a subsidy command reads and writes, and which stream each event it emits belongs to. A command
 * handler loads every stream `fundingStreamsFor` names, folds them with `evolve`, decides, and appends
 * `routeEvents(events)` to them in one atomic write, every loaded stream with the revision it read (streams without
 * new events are still checked: the decision depended on them).
 */
import {
  allianceFundingStreamId,
  platformStreamId,
  projectStreamId,
  recipientYearStreamId,
  PENDING_GRANTS_STREAM,
  subsidyStreamId,
  unitStreamId,
} from './subsidy.streams';
import { DualControlSetting, isPendingGrant } from './subsidy.context';
import { leadRegistryStreamId } from '../lead-registry/lead-registry.streams';
import { consortiumPolicies } from '../policies/consortium-policies';
import { paramInForceOn } from '../shared/rule';
import { SubsidyCommand } from './subsidy.commands';
import { SubsidyLedgerEvent } from './subsidy.events';
import { SubsidyState } from './subsidy.state';
import { fundingCategory } from '../policies/funding/funding-catalog';
import { FundingCategory, ScopeKind } from '../policies/funding/funding-policy';
import { GrantTerms } from '../policies/funding/grant-terms';

export interface GrantBoundaryIds {
  recipientYear: string;
  project?: string;
  platform?: string;
  alliance?: string;
}

/** The funding boundaries a grant commits to: the recipient's year, plus the category's scopes. */
export function grantBoundaryIds(
  grant: Pick<GrantTerms, 'recipient' | 'fiscalYear' | 'consortiumId' | 'projectId' | 'platformId'>,
  category: FundingCategory | undefined,
): GrantBoundaryIds {
  const has = (scope: ScopeKind) => category?.scopes.includes(scope) ?? false;
  return {
    recipientYear: recipientYearStreamId(grant.recipient, grant.fiscalYear),
    project: has('project') && grant.projectId ? projectStreamId(grant.projectId) : undefined,
    platform: has('platform') && grant.platformId ? platformStreamId(grant.platformId) : undefined,
    alliance: has('alliance') ? allianceFundingStreamId(grant.consortiumId) : undefined,
  };
}

export const boundaryStreamList = (ids: GrantBoundaryIds): string[] =>
  [ids.recipientYear, ids.project, ids.platform, ids.alliance].filter((id): id is string => id !== undefined);

/**
 * Every stream the decision on `command` reads or writes. For commands to an existing subsidy, pass its state
 * (load `subsidy-{id}` first); without it only the subsidy stream is named. The consortium's own stream is read
 * for grants too (the context's `consortium`); check its revision as well if a grant must not race a membership
 * change.
 */
export function fundingStreamsFor(
  command: SubsidyCommand,
  subsidy?: SubsidyState,
  dualControl?: DualControlSetting,
): string[] {
  const own = subsidyStreamId(command.data.subsidyId);
  switch (command.type) {
    case 'GrantSubsidy': {
      const d = command.data;
      const boundaries = boundaryStreamList(grantBoundaryIds(d, fundingCategory(d.category)));
      const pending = isPendingGrant(d, dualControl) ? [PENDING_GRANTS_STREAM] : [];
      return unique([own, ...boundaries, unitStreamId(d.recipient), ...pending]);
    }
    case 'ApproveGrant':
      return [own, PENDING_GRANTS_STREAM];
    case 'DeclineGrant':
    case 'ExpireGrant':
      return unique([own, ...(subsidy?.boundaries ?? []), PENDING_GRANTS_STREAM]);
    case 'CancelSubsidy':
    case 'TerminateSubsidy':
      return unique([own, ...(subsidy?.boundaries ?? [])]);
    case 'ClawBackSubsidy':
      return subsidy && recordsDishonesty(subsidy, command.data.reason)
        ? unique([own, ...subsidy.boundaries, unitStreamId(subsidy.recipient), unitStreamId(subsidy.responsibleUnit)])
        : [own];
    case 'DisburseSubsidy':
    case 'RecordSubsidyRefund':
      return [own];
    default:
      return [own];
  }
}

/**
 * The streams a command may append to. A handler locks these against its own concurrent commands; the streams it only
 * reads (a grant's recipient integrity record, the consortium, the registry of leads) are checked at the revision read
 * when it appends, so a concurrent write there costs a retry, never a wrong decision.
 */
export function streamsWrittenBy(
  command: SubsidyCommand,
  subsidy?: SubsidyState,
  dualControl?: DualControlSetting,
): string[] {
  return writtenAmong(command, fundingStreamsFor(command, subsidy, dualControl));
}

/** The streams a command may append to, among those `fundingStreamsFor` named for it (a handler computes them once). */
export function writtenAmong(command: SubsidyCommand, streams: string[]): string[] {
  if (command.type !== 'GrantSubsidy') return streams;
  const integrity = unitStreamId(command.data.recipient);
  return streams.filter((streamId) => streamId !== integrity);
}

/** tianjin.fraud: fraud under the Tianjin policy also records the units answerable as dishonest. */
export const recordsDishonesty = (subsidy: Pick<SubsidyState, 'policy'>, reason: string): boolean =>
  subsidy.policy === 'tianjin-2018-alliance' && reason === 'fraud';

/** The stream an event is appended to. */
export function streamIdOf(event: SubsidyLedgerEvent): string {
  switch (event.type) {
    case 'FundingCommitted':
    case 'FundingReleased':
      return event.data.boundary;
    case 'UnitRecordedDishonest':
      return unitStreamId(event.data.creditCode);
    case 'PendingGrantOpened':
    case 'PendingGrantClosed':
      return PENDING_GRANTS_STREAM;
    default:
      return subsidyStreamId(event.data.subsidyId);
  }
}

/** Events grouped by stream, in decision order within each stream, streams in order of first appearance. */
export function routeEvents<E extends SubsidyLedgerEvent>(events: E[]): Array<{ streamId: string; events: E[] }> {
  return Array.from(eventsByStream(events), ([streamId, routed]) => ({ streamId, events: routed }));
}

/** `routeEvents` as a map: stream → its events, in decision order, streams in order of first appearance. */
export function eventsByStream<E extends SubsidyLedgerEvent>(events: E[]): Map<string, E[]> {
  const byStream = new Map<string, E[]>();
  for (const event of events) {
    const streamId = streamIdOf(event);
    const routed = byStream.get(streamId);
    if (routed === undefined) byStream.set(streamId, [event]);
    else routed.push(event);
  }
  return byStream;
}

const unique = (ids: string[]): string[] => [...new Set(ids)];

/**
 * A grant under a policy that keeps a registry of leads as a status (liaoning's 盟主, `while-active`) reads the
 * recipient's registry stream: whether it leads an active alliance decides which caps bind it. A grant dated before
 * the policy's term has a value reads none: the decision refuses it (lifecycle.in-force) before any cap is asked.
 */
export function recipientRegistryStream(
  grant: Pick<GrantTerms, 'category' | 'recipient' | 'grantedOn'>,
): string | undefined {
  const policy = fundingCategory(grant.category)?.policy;
  const term = policy ? consortiumPolicies[policy].leadClaim : undefined;
  if (!policy || !term || paramInForceOn(term, grant.grantedOn) !== 'while-active') return undefined;
  return leadRegistryStreamId(policy, grant.recipient);
}
