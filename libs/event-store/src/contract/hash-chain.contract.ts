import { eventHash, GENESIS_HASH } from '../hash-chain';
import { LogPosition } from '../event-store.port';
import { anEvent, ContractContext, range, someEvents, uniqueStream } from './contract-fixtures';

export function hashChainContract(context: ContractContext): void {
  const store = () => context.harness().store;

  async function writeLog(events: number): Promise<void> {
    for (const index of range(0, events - 1)) {
      await store().appendToStream(uniqueStream(`chain-${index % 2}`), 'any', [
        anEvent({ index, amountFen: index * 100 }),
      ]);
    }
  }

  describe('tamper-evident hash chain', () => {
    it('an empty log verifies', async () => {
      expect(await store().verifyChain()).toEqual({ ok: true, checked: 0 });
    });

    it('an untouched log verifies, every event checked', async () => {
      await writeLog(5);
      await store().appendToStreams([
        { streamId: uniqueStream('multi-a'), expectedRevision: 'no-stream', events: someEvents(2) },
        { streamId: uniqueStream('multi-b'), expectedRevision: 'no-stream', events: someEvents(3) },
      ]);

      expect(await store().verifyChain()).toMatchObject({ ok: true, checked: 10 });
    });

    it("an intact log's answer names its head: the last event's position, hash and recordedAt", async () => {
      await writeLog(3);
      const [last] = (await store().readAll()).slice(-1);

      expect(await store().verifyChain()).toEqual({
        ok: true,
        checked: 3,
        head: { position: last.position, hash: last.hash, recordedAt: last.recordedAt },
      });
    });

    it('each hash links to its predecessor by the shared hash-chain function, so any adapter can verify any log', async () => {
      await writeLog(4);

      const log = await store().readAll();

      let previousHash = GENESIS_HASH;
      for (const event of log) {
        const content = {
          ...event,
          dataJson: JSON.stringify(event.data),
          metadataJson: JSON.stringify(event.metadata),
        };
        expect(event.hash).toBe(eventHash(previousHash, content));
        previousHash = event.hash;
      }
    });

    const withTamper = context.capabilities.tamper ? it : it.skip;
    withTamper('a row whose data was changed behind the store’s back is the first broken link', async () => {
      const { tamper } = context.harness();
      if (!tamper) throw new Error('the harness declared tamper but gave none');
      await writeLog(10);
      const tampered: LogPosition = 6;

      await tamper(tampered, JSON.stringify({ index: 5, amountFen: 99_999_999 }));
      const verification = await store().verifyChain();

      expect(verification).toMatchObject({ ok: false, firstBrokenPosition: tampered, checked: tampered - 1 });
      expect(verification.reason).toEqual(expect.any(String));
    });
  });
}
