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
    case 'kurrentdb': {
      // Loaded only here: its gRPC client would slow the start of every process that never uses it (with kafkajs,
      // ~0.2 s of the CLI's: bench/README.md, seventh round).
      const { KurrentDbEventStore } = await import('@ledger/event-store/kurrentdb/kurrentdb.event-store');
      // Refuses a server older than 25.1 (UnsupportedKurrentDbServerError): no non-atomic fallback.
      return KurrentDbEventStore.open({
        connectionString: setting.kurrentdb.url,
        chainHeadEvery: setting.kurrentdb.chainHeadEvery,
        pollIntervalMs: followPollMs,
      });
    }
  }
}
