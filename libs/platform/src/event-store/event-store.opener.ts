import { EventStore, PostgresEventStore, SqliteEventStore } from '@ledger/event-store';
import { EventStoreSetting } from '../config/ledger.config';

/** The event store LEDGER_STORE names (a new adapter adds its case here and its kind in ledger-env.schema.ts). */
export async function openEventStore(setting: EventStoreSetting, followPollMs?: number): Promise<EventStore> {
  switch (setting.kind) {
    case 'sqlite':
      return new SqliteEventStore({ file: setting.file, pollIntervalMs: followPollMs });
    case 'postgres':
      return PostgresEventStore.open({
        connectionString: setting.database.url,
        schema: setting.database.schema,
        pollIntervalMs: followPollMs,
      });
  }
}
