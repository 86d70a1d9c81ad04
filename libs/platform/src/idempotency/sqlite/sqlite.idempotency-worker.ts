/**
 * The idempotency store's thread: its connection, and the claims and answers of every request. What the main thread
 * sent while a transaction committed is waiting in the port when it ends, and is applied together by the next one (one
 * fsync), so keyed requests wait on the disk in groups and the main thread never does.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { serializedError } from '../../projections/sqlite/sqlite.writer-thread.protocol';
import type { IdempotencyReply, IdempotencyRequest } from './sqlite.idempotency-protocol';
import { IdempotencyTable } from './sqlite.idempotency-table';

const port = parentPort!;
const reply = (message: IdempotencyReply) => port.postMessage(message);

let table: IdempotencyTable | undefined;
try {
  table = new IdempotencyTable((workerData as { file: string }).file);
  reply({ ready: true });
} catch (error) {
  reply({ ready: false, error: serializedError(error) });
}

port.on('message', (first: IdempotencyRequest | 'close') => {
  const requests: IdempotencyRequest[] = [];
  let closing = false;
  for (let message: IdempotencyRequest | 'close' | undefined = first; message !== undefined;) {
    if (message === 'close') {
      closing = true;
      break;
    }
    requests.push(message);
    message = receiveMessageOnPort(port)?.message as IdempotencyRequest | 'close' | undefined;
  }
  if (requests.length > 0) applyTogether(requests);
  if (closing) {
    table?.close();
    port.close();
  }
});

function applyTogether(requests: IdempotencyRequest[]): void {
  try {
    if (!table) throw new Error('the idempotency store could not be opened');
    const results = table.applyTogether(requests.flatMap((request) => request.operations));
    let next = 0;
    for (const { id, operations } of requests) reply({ id, results: results.slice(next, (next += operations.length)) });
  } catch (error) {
    for (const { id } of requests) reply({ id, error: serializedError(error) });
  }
}
