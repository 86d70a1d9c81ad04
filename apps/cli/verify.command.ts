import { GENESIS_HASH } from '@ledger/event-store';
import { describeEventStore, openEventStore } from '@ledger/platform';
import { say } from '@ledger/domain/shared/sentence';
import { inCliLanguage } from './cli-language';
import { existingLedger, LedgerDataOptions } from './ledger-data';

/**
 * Walks the hash chain of the event log; 0 when intact, 1 when a link is broken. An intact log's head (position, hash
 * and recordedAt of its last event) is printed: a log whose last events were removed still verifies — no later hash
 * names them — so that is seen only by comparing this head with one held elsewhere (an earlier audit package's head,
 * the head kept beside a backup).
 */
export async function verify(options: LedgerDataOptions): Promise<number> {
  const config = await existingLedger(options);
  const store = await openEventStore(config.eventStore);
  try {
    const { ok, checked, head, firstBrokenPosition, reason } = await store.verifyChain();
    // An empty log's head is the genesis, as an audit package's anchor before the first event is.
    const shownHead = ok ? (head ?? { position: 0, hash: GENESIS_HASH }) : undefined;
    if (options.json) {
      console.log(JSON.stringify({ ok, checked, head: shownHead, firstBrokenPosition, reason }));
    } else if (ok) {
      const store = describeEventStore(config.eventStore);
      console.log(
        [
          say`hash chain intact: ${checked} events verified in ${store}`,
          head
            ? say`head: position ${head.position}, hash ${head.hash}, recorded at ${head.recordedAt}`
            : say`head: position 0, hash ${GENESIS_HASH} (no event yet)`,
          say`Events removed from the end of the log break no link: compare this head with one held elsewhere (an earlier audit package's head, the head kept beside a backup).`,
        ]
          .map((sentence) => inCliLanguage(sentence, options.lang))
          .join('\n'),
      );
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
