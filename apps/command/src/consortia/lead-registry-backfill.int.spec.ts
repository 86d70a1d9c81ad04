import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  commandsFor,
  CONSORTIUM_IDS,
  eventsOf,
  historyUpTo,
  LEADS,
  TIMELINES,
} from '@ledger/domain/consortium/consortium.fixtures';
import { ConsortiumEvent } from '@ledger/domain/consortium/consortium.events';
import { consortiumStreamId } from '@ledger/domain/consortium/consortium.streams';
import { leadRegistryStreamId } from '@ledger/domain/lead-registry/lead-registry.streams';
import { ConsortiumPolicyId } from '@ledger/domain/shared/policy-ids';
import { SqliteEventStore } from '@ledger/event-store';
import { newCommandMetadata, toEventsToAppend } from '@ledger/platform';
import { backfillLeadRegistries } from './lead-registry-backfill';

/** A log written by a version that recorded no 盟主 claims: the consortium's own events only. */
describe('backfilling the registry of leads for consortia recorded before it held their claims', () => {
  const LIAONING = 'liaoning-2021-alliance' as const;
  let dir: string;
  let store: SqliteEventStore;
  const meta = () => newCommandMetadata({ actor: 'ledger-cli', today: '2026-12-01' });
  const record = (policy: ConsortiumPolicyId, events: ConsortiumEvent[], consortiumId = CONSORTIUM_IDS[policy]) => {
    const streamId = consortiumStreamId(consortiumId);
    return store.appendToStream(streamId, 'no-stream', toEventsToAppend(events, meta(), streamId));
  };
  const registry = (policy: ConsortiumPolicyId) => leadRegistryStreamId(policy, LEADS[policy].creditCode);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-backfill-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("claims an active alliance's 盟主 from its approval, once; a second run adds nothing", async () => {
    await record(LIAONING, historyUpTo(LIAONING, 'active'));
    const claimed = await backfillLeadRegistries(store, meta());
    expect(claimed).toEqual([
      { consortiumId: CONSORTIUM_IDS[LIAONING], registry: registry(LIAONING), position: expect.any(Number) },
    ]);
    const [claim] = await store.readStream(registry(LIAONING));
    expect(claim).toMatchObject({
      type: 'LeadClaimed',
      data: {
        consortiumId: CONSORTIUM_IDS[LIAONING],
        since: TIMELINES[LIAONING].approvedOn,
        rule: 'liaoning.mengzhu-annual-cap',
      },
      metadata: { actor: 'ledger-cli' },
    });
    expect(await backfillLeadRegistries(store, meta())).toEqual([]);
    expect(await store.readStream(registry(LIAONING))).toHaveLength(1);
  });

  it('claims nothing for an alliance not yet approved, or one that has ended', async () => {
    await record(LIAONING, historyUpTo(LIAONING, 'public-notice'));
    const dissolved = eventsOf(
      LIAONING,
      [commandsFor(LIAONING, 'ended').dissolve('2025-11-01')],
      historyUpTo(LIAONING, 'active', { consortiumId: 'ended' }),
    );
    await record(LIAONING, dissolved, 'ended');
    expect(await backfillLeadRegistries(store, meta())).toEqual([]);
  });
});
