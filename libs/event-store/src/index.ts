export * from './event-store.port';
export * from './hash-chain';
export { expectedRevisionOf, expectsExactly } from './expected-revision';
export { GroupCommitQueue } from './group-commit.queue';
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
// Types only: the KurrentDB adapter loads its gRPC client, which every process would pay for at start, so it is
// imported where a configuration names it (platform's openEventStore), from './kurrentdb/kurrentdb.event-store'.
export type { KurrentDbEventStore, KurrentDbEventStoreOptions } from './kurrentdb/kurrentdb.event-store';
export { UnsupportedKurrentDbServerError, MINIMUM_SERVER_VERSION } from './kurrentdb/kurrentdb.server-version';
export { PositionOutOfRangeError } from './kurrentdb/kurrentdb.positions';
export { createLogSchema } from './postgres/postgres.schema';
export { inTransaction } from './postgres/postgres.taken-connection';
export * from './audit-package/audit-package.format';
export { writeAuditPackage, LogDoesNotVerifyError } from './audit-package/audit-package.writer';
export type { AuditPackageSummary, LineSink } from './audit-package/audit-package.writer';
export { verifyAuditPackage } from './audit-package/audit-package.verifier';
export type { AuditPackageVerification } from './audit-package/audit-package.verifier';
