import { SetMetadata } from '@nestjs/common';

export const READS_PROJECTIONS = 'ledger:reads-projections';

/**
 * The projections a query reads (on a controller or a handler): `?minPosition=N` waits for those alone, and answers
 * 503 at once when one of them is stopped short of N. Without it, a query waits for every projection.
 */
export const ReadsProjections = (...names: string[]) => SetMetadata(READS_PROJECTIONS, names);

export const READS_THE_LOG_WITH = 'ledger:reads-the-log-with';

/**
 * The query parameters with which a handler answers from the event log itself, never a read model (as-of: `asOf`,
 * `atPosition`): given one of them, `?minPosition=N` is met at once — whatever position a client has seen is in the
 * log — instead of waiting for the read models.
 */
export const ReadsTheLogWith = (...parameters: string[]) => SetMetadata(READS_THE_LOG_WITH, parameters);
