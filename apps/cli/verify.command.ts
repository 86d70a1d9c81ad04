import { SqliteEventStore } from '@ledger/event-store';
import { existingLedger, LedgerDataOptions } from './ledger-data';

/** Walks the hash chain of the event log; 0 when intact, 1 when a link is broken. */
export async function verify(options: LedgerDataOptions): Promise<number> {
  const config = existingLedger(options);
  const store = new SqliteEventStore({ file: config.eventsFile });
  try {
    const { ok, checked, firstBrokenPosition, reason } = await store.verifyChain();
    if (options.json) {
      console.log(JSON.stringify({ ok, checked, firstBrokenPosition, reason }));
    } else if (ok) {
      console.log(`hash chain intact: ${checked} events verified in ${config.eventsFile}`);
    } else {
      console.error(
        `hash chain BROKEN at position ${firstBrokenPosition}: ${reason} (${checked} events checked before it)`,
      );
    }
    return ok ? 0 : 1;
  } finally {
    await store.close();
  }
}
