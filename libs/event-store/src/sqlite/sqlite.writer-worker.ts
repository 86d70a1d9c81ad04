/**
 * The SQLite writer thread: its own connection, the durable pragmas, and the batch writer. Commits (and their fsync)
 * run here, so the main thread goes on deciding the next batch while the disk syncs this one.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { decodeBatch } from './sqlite.batch-encoding';
import { SqliteBatchWriter } from './sqlite.batch-writer';
import { applyDurablePragmas } from './sqlite.pragmas';
import {
  serializedOutcome,
  serializedError,
  WriterReply,
  WriterRequest,
  WriterThreadOptions,
} from './sqlite.writer-protocol';

const { file, busyTimeoutMs } = workerData as WriterThreadOptions;
const db = new Database(file);
applyDurablePragmas(db, busyTimeoutMs);
const writer = new SqliteBatchWriter(db);

parentPort!.on('message', (message: WriterRequest) => {
  if (message.kind === 'close') {
    db.close();
    parentPort!.close();
    return;
  }
  let reply: WriterReply;
  try {
    const outcomes = writer.writeBatch(decodeBatch(message.batch), message.now);
    reply = { id: message.id, outcomes: outcomes.map(serializedOutcome) };
  } catch (error) {
    reply = { id: message.id, failure: serializedError(error) };
  }
  parentPort!.postMessage(reply);
});
parentPort!.postMessage({ ready: true });
