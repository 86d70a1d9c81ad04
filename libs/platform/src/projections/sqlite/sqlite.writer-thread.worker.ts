/**
 * A read-store writer thread (live batches, a rebuild, or the WAL's checkpoints): its own connection to
 * `projections.sqlite` with the writer's pragmas, running the statements the main thread queues, in order, and
 * answering each (rows for a read, the error for a failure). Once a queued write has failed, everything after it is
 * refused with its error (a COMMIT above all) until the transaction or the savepoint is rolled back: the main thread
 * learns of the failure only after it has sent what follows.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import {
  WriterReply,
  WriterRequest,
  WriterThreadData,
  SerializedError,
  serializedError,
} from './sqlite.writer-thread.protocol';
import { applyWriterPragmas, DirectSqlRunner } from './sqlite.sql-runner';

const { file, cacheSizeKib, autoCheckpointPages } = workerData as WriterThreadData;
const db = new Database(file);
applyWriterPragmas(db);
if (cacheSizeKib !== undefined) db.pragma(`cache_size = -${Math.trunc(cacheSizeKib)}`);
if (autoCheckpointPages !== undefined) db.pragma(`wal_autocheckpoint = ${Math.trunc(autoCheckpointPages)}`);
const runner = new DirectSqlRunner(db);
let refusal: SerializedError | undefined;

parentPort!.on('message', (request: WriterRequest) => {
  let reply: WriterReply = { id: request.id };
  const undoes = request.op === 'rollbackTo' || request.op === 'rollback' || request.op === 'close';
  if (refusal && !undoes) {
    parentPort!.postMessage({ id: request.id, error: refusal } satisfies WriterReply);
    return;
  }
  try {
    switch (request.op) {
      case 'run':
        runner.run(request.sql, request.params);
        break;
      case 'all':
        reply = { id: request.id, rows: runner.all(request.sql, request.params) };
        break;
      case 'exec':
      case 'execLater':
        runner.exec(request.sql);
        break;
      case 'rollbackTo':
        runner.rollbackTo(request.savepoint);
        refusal = undefined;
        break;
      case 'rollback':
        runner.rollback();
        refusal = undefined;
        break;
      case 'checkpoint':
        // PASSIVE: copies what no reader still needs into the database file, waiting on no one.
        db.pragma('wal_checkpoint(PASSIVE)');
        break;
      case 'close':
        runner.rollback();
        db.close();
        parentPort!.postMessage(reply);
        parentPort!.close();
        return;
    }
  } catch (error) {
    reply = { id: request.id, error: serializedError(error) };
    if (request.op === 'run' || request.op === 'execLater') refusal = reply.error;
  }
  parentPort!.postMessage(reply);
});
