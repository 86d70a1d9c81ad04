import { newCommandMetadata, openEventStore } from '@ledger/platform';
import { backfillLeadRegistries } from '../command/src/consortia/lead-registry-backfill';
import { say } from '@ledger/domain/shared/sentence';
import { inCliLanguage } from './cli-language';
import { existingLedger, LedgerDataOptions } from './ledger-data';

/** The actor the backfilled claims are recorded by, in the audit trail. */
export const BACKFILL_ACTOR = 'ledger-cli';

/** Claims in the registry of leads what today's rules expect and a log from an earlier version lacks; 0 when done. */
export async function backfillLeadRegistriesCommand(options: LedgerDataOptions): Promise<number> {
  const config = await existingLedger(options);
  const store = await openEventStore(config.eventStore);
  try {
    const claimed = await backfillLeadRegistries(
      store,
      newCommandMetadata({ actor: BACKFILL_ACTOR, today: config.today() }),
    );
    if (options.json) console.log(JSON.stringify({ claimed }));
    else if (claimed.length === 0)
      console.log(inCliLanguage(say`the registry of leads holds every claim: nothing to add`, options.lang));
    else
      for (const c of claimed)
        console.log(
          inCliLanguage(
            say`claimed ${c.registry} for consortium ${c.consortiumId} (position ${c.position})`,
            options.lang,
          ),
        );
    return 0;
  } finally {
    await store.close();
  }
}
