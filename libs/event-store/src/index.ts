export * from './event-store.port';
export * from './hash-chain';
export { SqliteEventStore, DEFAULT_POLL_INTERVAL_MS } from './sqlite/sqlite.event-store';
export type { SqliteEventStoreOptions } from './sqlite/sqlite.event-store';
export { applyDurablePragmas, readPragmas } from './sqlite/sqlite.pragmas';
export type { SqlitePragmaValues } from './sqlite/sqlite.pragmas';
