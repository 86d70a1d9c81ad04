import { GroupCommitQueue, RequestOutcome } from './group-commit.queue';

/** A batch writer the test answers by hand: each call waits until the test settles it. */
function handAnsweredWriter() {
  const calls: Array<{ batch: readonly number[]; answer: () => void; fail: (error: Error) => void }> = [];
  const write = (batch: readonly number[]) =>
    new Promise<RequestOutcome<string>[]>((resolve, reject) => {
      calls.push({
        batch,
        answer: () => resolve(batch.map((n) => ({ ok: true, value: `wrote ${n}` }))),
        fail: reject,
      });
    });
  return { calls, write };
}

const endOfTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('GroupCommitQueue', () => {
  describe('one batch in flight (the default)', () => {
    it('writes the requests of one turn as one batch, and the next turn’s after its answer', async () => {
      const writer = handAnsweredWriter();
      const queue = new GroupCommitQueue(writer.write);
      const first = [1, 2, 3].map((n) => queue.enqueue(n));
      expect(writer.calls).toHaveLength(0);
      await endOfTurn();
      expect(writer.calls.map((call) => call.batch)).toEqual([[1, 2, 3]]);

      const second = [4, 5].map((n) => queue.enqueue(n));
      await endOfTurn();
      expect(writer.calls).toHaveLength(1);
      writer.calls[0].answer();
      await expect(Promise.all(first)).resolves.toEqual(['wrote 1', 'wrote 2', 'wrote 3']);
      await endOfTurn();
      expect(writer.calls.map((call) => call.batch)).toEqual([
        [1, 2, 3],
        [4, 5],
      ]);
      writer.calls[1].answer();
      await expect(Promise.all(second)).resolves.toEqual(['wrote 4', 'wrote 5']);
    });
  });

  describe('pipelined: two in flight, a batch sent once 2 are queued', () => {
    it('sends a batch as soon as it is full, a second beside it, and the rest after an answer', async () => {
      const writer = handAnsweredWriter();
      const queue = new GroupCommitQueue(writer.write, { maxInFlight: 2, flushAt: 2 });
      const answers = [1, 2, 3, 4, 5, 6].map((n) => queue.enqueue(n));
      // Within the same turn: the first two batches went without waiting for its end.
      expect(writer.calls.map((call) => call.batch)).toEqual([
        [1, 2],
        [3, 4],
      ]);
      await endOfTurn();
      expect(writer.calls).toHaveLength(2); // two in flight: 5 and 6 wait

      writer.calls[0].answer();
      await expect(Promise.all(answers.slice(0, 2))).resolves.toEqual(['wrote 1', 'wrote 2']);
      await endOfTurn();
      expect(writer.calls.map((call) => call.batch)).toEqual([
        [1, 2],
        [3, 4],
        [5, 6],
      ]);
      writer.calls[1].answer();
      writer.calls[2].answer();
      await expect(Promise.all(answers)).resolves.toHaveLength(6);
    });

    it('still sends a short batch at the end of the turn', async () => {
      const writer = handAnsweredWriter();
      const queue = new GroupCommitQueue(writer.write, { maxInFlight: 2, flushAt: 8 });
      const answer = queue.enqueue(1);
      expect(writer.calls).toHaveLength(0);
      await endOfTurn();
      expect(writer.calls.map((call) => call.batch)).toEqual([[1]]);
      writer.calls[0].answer();
      await expect(answer).resolves.toBe('wrote 1');
    });

    it('rejects only the requests of a batch whose transaction failed', async () => {
      const writer = handAnsweredWriter();
      const queue = new GroupCommitQueue(writer.write, { maxInFlight: 2, flushAt: 1 });
      const failed = queue.enqueue(1);
      const written = queue.enqueue(2);
      writer.calls[0].fail(new Error('disk full'));
      writer.calls[1].answer();
      await expect(failed).rejects.toThrow('disk full');
      await expect(written).resolves.toBe('wrote 2');
    });

    it('drains: resolves once every queued request is answered, the batches in flight and the waiting ones', async () => {
      const writer = handAnsweredWriter();
      const queue = new GroupCommitQueue(writer.write, { maxInFlight: 2, flushAt: 1 });
      const answers = [1, 2, 3].map((n) => queue.enqueue(n));
      let drained = false;
      const draining = queue.drain().then(() => (drained = true));
      // Answer each batch as it is sent, until the queue is empty.
      for (let answered = 0; answered < 3; answered++) {
        while (writer.calls.length <= answered) await endOfTurn();
        expect(drained).toBe(false);
        writer.calls[answered].answer();
      }
      await draining;
      expect(writer.calls.map((call) => call.batch)).toEqual([[1], [2], [3]]);
      await expect(Promise.all(answers)).resolves.toEqual(['wrote 1', 'wrote 2', 'wrote 3']);
    });
  });
});
