import { nmg2022Zone } from '@ledger/domain/policies/nmg-2022-zone';
import { fenToYuan } from '@ledger/domain/shared/money';
import { PolicyParam } from '@ledger/domain/shared/rule';
import { CONSORTIUM_POLICY_IDS } from '@ledger/domain/shared/policy-ids';
import { consortiumPolicies } from '@ledger/domain/policies/consortium-policies';
import { fundingPolicy } from '@ledger/domain/policies/funding/funding-catalog';

/**
 * A policy parameter as the API shows it: money (names ending in `Fen`) as yuan strings; `waivable` where its rule
 * says 原则上 (ledger.waivers).
 */
export function parameterView(name: string, param: PolicyParam<unknown>, waivable: ReadonlyArray<string> = []) {
  const isMoney = name.endsWith('Fen');
  return {
    name: isMoney ? name.slice(0, -'Fen'.length) : name,
    rule: param.rule,
    citation: param.citation,
    description: param.description,
    ...(waivable.includes(param.rule) && { waivable: true }),
    ...(isMoney && { unit: 'yuan' }),
    ...(param.interpretation && { interpretation: param.interpretation }),
    versions: param.versions.map(({ from, to, value }) => ({
      from,
      ...(to && { to }),
      value: isMoney && typeof value === 'number' ? fenToYuan(value) : value,
    })),
  };
}

const parametersView = (params: Readonly<Record<string, PolicyParam<unknown>>>, waivable: ReadonlyArray<string> = []) =>
  Object.entries(params).map(([name, param]) => parameterView(name, param, waivable));

/** Every policy the ledger administers, with each number, its clause, its dates and any Ledger interpretation. */
export function policyViews() {
  const consortia = CONSORTIUM_POLICY_IDS.map((id) => {
    const policy = consortiumPolicies[id];
    const funding = fundingPolicy(id);
    return {
      id,
      kind: 'consortium',
      title: policy.title,
      issuer: policy.issuer,
      issuedOn: policy.issuedOn,
      inForce: policy.inForce,
      parameters: parametersView(
        policy.params,
        policy.waivable.map((w) => w.rule),
      ),
      waivable: policy.waivable,
      funding: {
        inForce: funding.inForce,
        categories: funding.categories.map((c) => c.id),
        parameters: parametersView(funding.params),
      },
    };
  });
  const zone = {
    id: nmg2022Zone.id,
    kind: 'zone',
    title: nmg2022Zone.title,
    issuer: nmg2022Zone.issuer,
    issuedOn: nmg2022Zone.issuedOn,
    inForce: nmg2022Zone.inForce,
    parameters: parametersView(nmg2022Zone.params),
  };
  return [...consortia, zone];
}
