import { Rejection } from '@ledger/domain/shared/decision';
import { withYuan } from '@ledger/presentation/money.view';

/**
 * A rejection as the HTTP client reads it: money in its details in yuan (a refused grant lists every cap checked:
 * `limit`, `used`, `headroom`). Input problems already name the request's fields (the domain spells them so).
 */
export function inApiTerms(rejection: Rejection): Rejection {
  if (!rejection.details || rejection.code === 'invalid-input') return rejection;
  return { ...rejection, details: rejection.details.map((d) => withYuan(d) as Record<string, unknown>) };
}
