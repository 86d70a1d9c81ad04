import { ReadStoreSetting } from '../config/ledger.config';
import { PostgresReadStore } from './postgres/postgres.read-store';
import { ReadStore } from './read-store.port';
import { SqliteReadStore } from './sqlite/sqlite.read-store';

/** The read store LEDGER_READ_STORE names. */
export async function openReadStore(setting: ReadStoreSetting): Promise<ReadStore> {
  switch (setting.kind) {
    case 'sqlite':
      return new SqliteReadStore(setting.file);
    case 'postgres':
      return PostgresReadStore.open({ connectionString: setting.database.url, schema: setting.database.schema });
  }
}
