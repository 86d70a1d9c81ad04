import { AppendResult } from '../event-store.port';
import {
  anEvent,
  appendWithRetry,
  CONCURRENCY_TIMEOUT_MS,
  ContractContext,
  expectWholeLog,
  range,
  uniqueStream,
} from './contract-fixtures';

const WRITERS = 16;
const APPENDS_PER_WRITER = 50;

export function concurrencyContract(context: ContractContext): void {
  const store = () => context.harness().store;

  describe(`${WRITERS} concurrent writers × ${APPENDS_PER_WRITER} appends`, () => {
    it(
      'to one shared stream, with expected revisions and retries: revisions 0..N-1 without gaps, each event once',
      async () => {
        const stream = uniqueStream('shared');

        await Promise.all(
          range(0, WRITERS - 1).map(async (writer) => {
            for (const sequence of range(0, APPENDS_PER_WRITER - 1)) {
              await appendWithRetry(store(), stream, [anEvent({ writer, sequence })]);
            }
          }),
        );

        const total = WRITERS * APPENDS_PER_WRITER;
        const read = await store().readStream(stream);
        expect(read.map((e) => e.streamRevision)).toEqual(range(0, total - 1));
        await expectWholeLog(
          context,
          read.map((e) => e.position),
        );
        for (const writer of range(0, WRITERS - 1)) {
          const sequences = read.filter((e) => e.data.writer === writer).map((e) => e.data.sequence);
          expect(sequences).toEqual(range(0, APPENDS_PER_WRITER - 1));
        }
        expect(await store().verifyChain()).toMatchObject({ ok: true, checked: total });
      },
      CONCURRENCY_TIMEOUT_MS,
    );

    it(
      'each to its own stream: every stream gap-free, the log contiguous, every answer pointing at its event',
      async () => {
        const answers: { eventId: string; result: AppendResult }[] = [];

        await Promise.all(
          range(0, WRITERS - 1).map(async (writer) => {
            const stream = `own-${writer}`;
            let revision = -1;
            for (const sequence of range(0, APPENDS_PER_WRITER - 1)) {
              const event = anEvent({ writer, sequence });
              const result = await store().appendToStream(stream, revision, [event]);
              revision = result.nextRevisions[stream];
              answers.push({ eventId: event.eventId, result });
            }
          }),
        );

        const total = WRITERS * APPENDS_PER_WRITER;
        const log = await store().readAll();
        expect(log).toHaveLength(total);
        await expectWholeLog(
          context,
          log.map((e) => e.position),
        );
        const byPosition = new Map(log.map((e) => [e.position, e.eventId]));
        expect(answers.filter(({ eventId, result }) => byPosition.get(result.lastPosition) !== eventId)).toEqual([]);
        for (const writer of range(0, WRITERS - 1)) {
          const read = await store().readStream(`own-${writer}`);
          expect(read.map((e) => [e.streamRevision, e.data.sequence])).toEqual(
            range(0, APPENDS_PER_WRITER - 1).map((sequence) => [sequence, sequence]),
          );
        }
        expect(await store().verifyChain()).toMatchObject({ ok: true, checked: total });
      },
      CONCURRENCY_TIMEOUT_MS,
    );
  });
}
