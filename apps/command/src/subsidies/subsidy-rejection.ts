import { Rejection } from '@ledger/domain/shared/decision';
import { withYuan } from '@ledger/presentation/money.view';

/** The domain names money fields in fen; the API takes them in yuan under the names without the suffix. */
const API_FIELDS: Record<string, string> = { amountFen: 'amount', projectTotalInvestmentFen: 'projectTotalInvestment' };

const apiField = (field: string) => API_FIELDS[field] ?? field;

/**
 * A rejection as the HTTP client reads it. Money in its details in yuan (a refused grant lists every cap checked:
 * `limit`, `used`, `headroom`); input problems the domain found (a field a category requires) name the request's
 * fields (the exception filter shapes them like the validation pipe's `{ field, problems }`).
 */
export function inApiTerms(rejection: Rejection): Rejection {
  const details = (rejection.details ?? []).map((d): Record<string, unknown> => {
    const { field } = d as { field?: string };
    if (rejection.code === 'invalid-input' && field !== undefined) return { ...d, field: apiField(field) };
    return withYuan(d) as Record<string, unknown>;
  });
  const message = Object.entries(API_FIELDS).reduce(
    (text, [domain, api]) => text.split(domain).join(api),
    rejection.message,
  );
  return { ...rejection, message, ...(rejection.details && { details }) };
}
