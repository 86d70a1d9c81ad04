import { describeEventStore, openEventStore } from '@ledger/platform';
import { existingLedger, LedgerDataOptions } from './ledger-data';

/** Walks the hash chain of the event log; 0 when intact, 1 when a link is broken. */
export async function verify(options: LedgerDataOptions): Promise<number> {
  const config = await existingLedger(options);
  const store = await openEventStore(config.eventStore);
  try {
    const { ok, checked, firstBrokenPosition, reason } = await store.verifyChain();
    if (options.json) {
      console.log(JSON.stringify({ ok, checked, firstBrokenPosition, reason }));
    } else if (ok) {
      console.log(`hash chain intact: ${checked} events verified in ${describeEventStore(config.eventStore)}`);
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
