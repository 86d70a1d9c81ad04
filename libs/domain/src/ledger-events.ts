/**
 * Every module's events as stored: the schema version new events are written with, and how older ones read today.
 * The platform applies `LEDGER_EVENT_SCHEMAS.upcast` wherever the log is read (command folds, projections, as-of).
 */
import { eventSchemas } from './shared/event-schema';
import { SUBSIDY_UPCASTERS } from './subsidy/subsidy.upcasters';

export const LEDGER_EVENT_SCHEMAS = eventSchemas([...SUBSIDY_UPCASTERS]);
