import { Rejection } from '@ledger/domain/shared/decision';

/** The domain names money fields in fen; the API takes them in yuan under the names without the suffix. */
const API_FIELDS: Record<string, string> = { amountFen: 'amount', projectTotalInvestmentFen: 'projectTotalInvestment' };

const apiField = (field: string) => API_FIELDS[field] ?? field;

/**
 * A rejection as the HTTP client reads it: input problems the domain found (e.g. a field a category requires) name the
 * request's fields, shaped like the validation pipe's `{ field, problems }`.
 */
export function inApiTerms(rejection: Rejection): Rejection {
  if (rejection.code !== 'invalid-input') return rejection;
  const details = (rejection.details ?? []).map((d) => {
    const { field, problem } = d as { field?: string; problem?: string };
    return field === undefined ? d : { field: apiField(field), problems: problem === undefined ? [] : [problem] };
  });
  const message = Object.entries(API_FIELDS).reduce((text, [domain, api]) => text.split(domain).join(api), rejection.message);
  return { ...rejection, message, details };
}
