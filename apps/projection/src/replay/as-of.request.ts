import { say } from '@ledger/domain/shared/sentence';
import { ForbiddenException } from '@nestjs/common';
import { hasAnyRole, Principal } from '@ledger/platform';
import { AsOfQuery } from '../shared/as-of.query.dto';
import { badQueryParameter, parseAsOf } from '../shared/as-of';
import { Moment } from './moment';

/**
 * The moment a detail query asks for (`asOf` or `atPosition`), or undefined for the state now. History is for
 * supervisors: anyone else asking for a past state gets 403, as for the history itself.
 */
export function asOfMomentOf(query: AsOfQuery, principal: Principal): Moment | undefined {
  const { asOf, atPosition } = query;
  if (asOf === undefined && atPosition === undefined) return undefined;
  if (!hasAnyRole(principal, ['supervisor'])) {
    throw new ForbiddenException(`${asOf !== undefined ? 'asOf' : 'atPosition'} needs the role supervisor`);
  }
  if (asOf !== undefined && atPosition !== undefined) {
    throw badQueryParameter('atPosition', say`cannot be given with asOf: name the moment one way`);
  }
  return asOf !== undefined ? { timestamp: parseAsOf(asOf) } : { position: atPosition! };
}
