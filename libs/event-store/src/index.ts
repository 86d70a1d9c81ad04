export * from './event-store.port';
export * from './hash-chain';
export { SqliteEventStore, DEFAULT_POLL_INTERVAL_MS } from './sqlite/sqlite.event-store';
export type { SqliteEventStoreOptions } from './sqlite/sqlite.event-store';
export { applyDurablePragmas, readPragmas } from './sqlite/sqlite.pragmas';
export type { SqlitePragmaValues } from './sqlite/sqlite.pragmas';
export {
  PostgresEventStore,
  DEFAULT_POSTGRES_POLL_INTERVAL_MS,
  DEFAULT_POSTGRES_POOL_SIZE,
} from './postgres/postgres.event-store';
export type { PostgresEventStoreOptions } from './postgres/postgres.event-store';
export { createLogSchema } from './postgres/postgres.schema';
