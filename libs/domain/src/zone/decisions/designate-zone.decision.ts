import { say } from '../../shared/sentence';
import { Decision, reject } from '../../shared/decision';
import { DesignateZone } from '../zone.commands';
import { ZONE_POLICY_IDS, isZonePolicyInForce, zonePolicyById } from '../../policies/nmg-2022-zone';
import { ZoneContext } from '../zone.context';
import { ZoneEvent } from '../zone.events';
import { ZoneState } from '../zone.state';
import { invalidDate, notActionable } from './zone-checks';
import { invalidInput, oneOfProblems, textProblems } from '../../shared/input-problems';
import { refOf } from '../../shared/rule';

export function decideZoneDesignation(
  { data }: DesignateZone,
  state: ZoneState,
  { today }: ZoneContext,
): Decision<ZoneEvent> {
  if (state.exists) return notActionable(state) ?? reject('invalid-state', say`zone ${state.id} is already designated`);
  const problems = [
    ...textProblems('zoneId', data?.zoneId),
    ...textProblems('name', data?.name),
    ...oneOfProblems('policy', data?.policy, ZONE_POLICY_IDS),
  ];
  if (problems.length) return invalidInput(problems);
  const policy = zonePolicyById(data.policy)!;
  const badDate = invalidDate('approvedOn', data.approvedOn, today);
  if (badDate) return badDate;
  if (!isZonePolicyInForce(policy, data.approvedOn)) {
    return reject(
      'policy-not-in-force',
      say`${policy.id} is in force from ${policy.inForce.from}; approval on ${data.approvedOn} is outside it`,
      refOf(policy.inForce),
    );
  }
  return [
    {
      type: 'ZoneDesignated',
      data: {
        zoneId: data.zoneId,
        policy: policy.id,
        name: data.name.trim(),
        approvedOn: data.approvedOn,
        ...refOf(policy.inForce),
      },
    },
  ];
}
