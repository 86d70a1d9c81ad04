/**
 * A second OS process writing to the same SQLite file, for sqlite.event-store.int.spec.ts. It loads the TypeScript
 * sources through @swc/core, appends `appends` events to the shared stream (expected revision, retry on conflict)
 * and one to its own stream each time, pausing 1 ms between commands. It prints `ready` once the store is open,
 * starts once the shared stream has an event of the other process (so it cannot be done before the other begins,
 * however the machine schedules the two), and prints its event ids as a JSON line at the end.
 *
 * usage: node second-process-writer.js <file> <sharedStream> <ownStream> <appends>
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

const { SqliteEventStore } = require('../sqlite.event-store');
const { WrongExpectedRevisionError } = require('../../event-store.port');

async function main() {
  const [file, sharedStream, ownStream, appends] = process.argv.slice(2);
  const store = SqliteEventStore.open({ file });
  process.stdout.write('ready\n');
  while ((await store.streamRevision(sharedStream)) < 0) await new Promise((resolve) => setTimeout(resolve, 1));
  const eventIds = [];
  const event = (data) => {
    const eventId = randomUUID();
    eventIds.push(eventId);
    const metadata = { actor: 'process:second', correlationId: eventId, causationId: eventId, commandId: eventId };
    return { eventId, type: 'second-process.appended', data, metadata };
  };
  for (let sequence = 0; sequence < Number(appends); sequence++) {
    const shared = [event({ sequence, writer: 'second-process' })];
    for (;;) {
      const revision = await store.streamRevision(sharedStream);
      try {
        await store.appendToStream(sharedStream, revision, shared);
        break;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
    await store.appendToStream(ownStream, sequence === 0 ? 'no-stream' : sequence - 1, [event({ sequence })]);
    // Paced like a real client, so neither process monopolises the write lock and their commits interleave.
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await store.close();
  process.stdout.write(`${JSON.stringify({ eventIds })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
