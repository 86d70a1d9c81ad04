import { LedgerConfig } from '../config/ledger.config';
import { IdempotencyStore } from './idempotency-store.port';
import { PostgresIdempotencyStore } from './postgres/postgres.idempotency-store';
import { SqliteIdempotencyStore } from './sqlite/sqlite.idempotency-store';

/**
 * Idempotency-Key answers live in the event store's database: its data directory, or its PostgreSQL schema. KurrentDB
 * keeps only the log, so beside it they live with the read models (LEDGER_READ_STORE): in PostgreSQL, shared by every
 * command process, or in the data directory (one command process).
 */
export async function openIdempotencyStore(config: LedgerConfig): Promise<IdempotencyStore> {
  const store = config.eventStore.kind === 'kurrentdb' ? config.readStore : config.eventStore;
  switch (store.kind) {
    case 'sqlite':
      return SqliteIdempotencyStore.open(config.idempotencyFile);
    case 'postgres':
      return PostgresIdempotencyStore.open({ connectionString: store.database.url, schema: store.database.schema });
  }
}
