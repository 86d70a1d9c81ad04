import { describeEventStore, openEventStore } from '@ledger/platform';
import { say } from '@ledger/domain/shared/sentence';
import { inCliLanguage } from './cli-language';
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
      const store = describeEventStore(config.eventStore);
      console.log(inCliLanguage(say`hash chain intact: ${checked} events verified in ${store}`, options.lang));
    } else {
      // The reason is the store's own account of the link (a hash, a position): printed as it is.
      console.error(
        inCliLanguage(
          say`hash chain BROKEN at position ${firstBrokenPosition ?? '?'}: ${reason ?? ''} (${checked} events checked before it)`,
          options.lang,
        ),
      );
    }
    return ok ? 0 : 1;
  } finally {
    await store.close();
  }
}
