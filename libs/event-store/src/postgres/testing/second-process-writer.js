/**
 * Another OS process appending to the same PostgreSQL log with a store of its own, for
 * postgres.commit-order.int.spec.ts. It loads the TypeScript sources through @swc/core, prints `ready` once the store
 * is open, waits for a line on stdin (the go), then appends `appends` commands: 1–3 events to its own stream with
 * expected revisions, every third command also one event to the shared stream (retrying on conflict). It prints its
 * event ids as one JSON line at the end.
 *
 * usage: node second-process-writer.js <connectionString> <schema> <sharedStream> <appends>
 */
const fs = require('fs');
const { randomUUID } = require('crypto');
const swc = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    module: { type: 'commonjs' },
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
  });
  module._compile(code, filename);
};

const { PostgresEventStore } = require('../postgres.event-store');
const { WrongExpectedRevisionError } = require('../../event-store.port');

function go() {
  return new Promise((resolve) => process.stdin.once('data', resolve));
}

async function main() {
  const [connectionString, schema, sharedStream, appends] = process.argv.slice(2);
  const store = await PostgresEventStore.open({ connectionString, schema, poolSize: 2 });
  const eventIds = [];
  const event = (data) => {
    const eventId = randomUUID();
    eventIds.push(eventId);
    const metadata = { actor: 'process:second', correlationId: eventId, causationId: eventId, commandId: eventId };
    return { eventId, type: 'second-process.appended', data: { ...data, writer: 'second-process' }, metadata };
  };
  process.stdout.write('ready\n');
  await go();
  const ownStream = `second-process-${randomUUID()}`;
  let ownRevision = -1;
  for (let sequence = 0; sequence < Number(appends); sequence++) {
    const own = Array.from({ length: 1 + (sequence % 3) }, (_, index) => event({ sequence, index }));
    const result = await store.appendToStream(ownStream, ownRevision, own);
    ownRevision = result.nextRevisions[ownStream];
    if (sequence % 3 !== 0) continue;
    const shared = [event({ sequence, shared: true })];
    for (;;) {
      try {
        await store.appendToStream(sharedStream, await store.streamRevision(sharedStream), shared);
        break;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
  }
  await store.close();
  process.stdout.write(`${JSON.stringify({ eventIds })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
