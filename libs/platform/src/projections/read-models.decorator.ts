import { SetMetadata } from '@nestjs/common';

export const READS_PROJECTIONS = 'ledger:reads-projections';

/**
 * The projections a query reads (on a controller or a handler): `?minPosition=N` waits for those alone, and answers
 * 503 at once when one of them is stopped short of N. Without it, a query waits for every projection.
 */
export const ReadsProjections = (...names: string[]) => SetMetadata(READS_PROJECTIONS, names);
