/**
 * A rebuild's SQLite writer thread: its own connection to `projections.sqlite` with the writer's pragmas, running the
 * statements the main thread queues, in order, and answering each (rows for a read, the error for a failure). Once a
 * queued write has failed, everything after it is refused with its error (a COMMIT above all) until the transaction or
 * the savepoint is rolled back: the main thread learns of the failure only after it has sent what follows.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { BulkReply, BulkRequest, SerializedError, serializedError } from './sqlite.bulk-writer.protocol';
import { applyWriterPragmas, DirectSqlRunner } from './sqlite.sql-runner';

const db = new Database((workerData as { file: string }).file);
applyWriterPragmas(db);
// A rebuild's page cache, 256 MB rather than the live writer's 64 MB (a bound, allocated as used): fewer pages spilled
// to the WAL mid-transaction and read back, and more of each table still cached when its indexes are built after it.
// At 1M events it cut the writer thread's CPU from ~7.9 s to ~7.3 s (512 MB: ~6.1 s, for 650 MB more resident).
db.pragma('cache_size = -262144');
const runner = new DirectSqlRunner(db);
let refusal: SerializedError | undefined;

parentPort!.on('message', (request: BulkRequest) => {
  let reply: BulkReply = { id: request.id };
  const undoes = request.op === 'rollbackTo' || request.op === 'rollback' || request.op === 'close';
  if (refusal && !undoes) {
    parentPort!.postMessage({ id: request.id, error: refusal } satisfies BulkReply);
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
      case 'close':
        runner.rollback();
        db.close();
        parentPort!.postMessage(reply);
        parentPort!.close();
        return;
    }
  } catch (error) {
    reply = { id: request.id, error: serializedError(error) };
    if (request.op === 'run') refusal = reply.error;
  }
  parentPort!.postMessage(reply);
});
