/**
 * The SQLite writer thread: its own connection, the durable pragmas, and the batch writer. Commits (and their fsync)
 * run here, so the main thread goes on deciding the next batch while the disk syncs this one. Batches the main thread
 * sent while a commit ran are waiting in the port when it ends: they are taken together and written by one
 * transaction (one fsync), so a slow disk makes the batches larger instead of making the commands wait longer.
 */
import Database from 'better-sqlite3';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { decodeBatch } from './sqlite.batch-encoding';
import { SqliteBatchWriter } from './sqlite.batch-writer';
import { applyDurablePragmas } from './sqlite.pragmas';
import {
  SerializedError,
  serializedOutcome,
  serializedError,
  WriterReply,
  WriterRequest,
  WriterThreadOptions,
  WriteRequest,
} from './sqlite.writer-protocol';

const { file, busyTimeoutMs } = workerData as WriterThreadOptions;
const db = new Database(file);
applyDurablePragmas(db, busyTimeoutMs);
const writer = new SqliteBatchWriter(db);

parentPort!.on('message', (first: WriterRequest) => {
  const writes: WriteRequest[] = [];
  let closing = false;
  const checkpoints: number[] = [];
  for (let message: WriterRequest | undefined = first; message !== undefined;) {
    if (message.kind === 'close') {
      closing = true;
      break;
    }
    if (message.kind === 'checkpoint') checkpoints.push(message.id);
    else writes.push(message);
    message = receiveMessageOnPort(parentPort!)?.message as WriterRequest | undefined;
  }
  if (writes.length > 0) writeTogether(writes);
  if (checkpoints.length > 0) checkpoint(checkpoints);
  if (closing) {
    db.close();
    parentPort!.close();
  }
});
parentPort!.postMessage({ ready: true });

/**
 * Asked for after commits made on the main thread, whose connection leaves checkpoints to this one. The main thread
 * commits nothing of its own until it is answered, so the checkpoint copies the whole WAL and the next commit starts
 * it over; a checkpoint racing a stream of commits would always leave the latest behind, and the WAL would only grow.
 */
function checkpoint(ids: number[]): void {
  let failure: SerializedError | undefined;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    failure = serializedError(error);
  }
  for (const id of ids) {
    const reply: WriterReply = failure ? { id, failure } : { id, outcomes: [] };
    parentPort!.postMessage(reply);
  }
}

/** Writes the batches in one transaction, in the order sent, and answers each batch its own outcomes. */
function writeTogether(writes: WriteRequest[]): void {
  const batches = writes.map((write) => decodeBatch(write.batch));
  let replies: WriterReply[];
  try {
    // The latest clock reading of the batches: the transaction commits after all of them were sent.
    const outcomes = writer.writeBatch(batches.flat(), writes[writes.length - 1].now);
    let next = 0;
    replies = writes.map((write, index) => ({
      id: write.id,
      outcomes: outcomes.slice(next, (next += batches[index].length)).map(serializedOutcome),
    }));
  } catch (error) {
    const failure = serializedError(error);
    replies = writes.map((write) => ({ id: write.id, failure }));
  }
  for (const reply of replies) parentPort!.postMessage(reply);
}
