/**
 * Starts a real, throwaway PostgreSQL server for tests and benchmarks (see embedded-postgres.server.js): one per test
 * file, started in beforeAll and stopped in afterAll; tests isolate themselves with a schema or database of their own.
 * Not exported from the package: production code never starts a database.
 */
import { ChildProcessWithoutNullStreams, spawn } from 'child_process';
import { randomBytes } from 'crypto';
import path from 'path';
import { Client } from 'pg';

export interface TestPostgresServer {
  readonly port: number;
  /** A connection string to one of the server's databases (default `postgres`). */
  connectionString(database?: string): string;
  /**
   * Creates an empty database and answers its connection string. With `icuLocale` (e.g. `zh-CN`) its text sorts by
   * that ICU collation, as a database created for a deployment would, instead of the test server's code-point order.
   */
  createDatabase(name?: string, options?: { icuLocale?: string }): Promise<string>;
  /** Runs statements through a connection of its own, as someone with access to the database could. */
  withClient<T>(connectionString: string, act: (client: Client) => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

/** The server and database of one spec file (postgresForThisFile): read in tests, once beforeAll has run. */
export interface FilePostgres {
  readonly server: TestPostgresServer;
  /** The connection string of the file's database. */
  readonly database: string;
  /** Runs statements on the file's database through a connection of its own (TestPostgresServer.withClient). */
  withClient<T>(act: (client: Client) => Promise<T>): Promise<T>;
}

/**
 * A server and a database of its own for the spec file that calls this at its top level: started in beforeAll,
 * stopped in afterAll. `database` as createDatabase takes it (an ICU locale for a file whose text must sort so).
 */
export function postgresForThisFile(database: { name?: string; icuLocale?: string } = {}): FilePostgres {
  let server: TestPostgresServer | undefined;
  let connectionString: string | undefined;
  beforeAll(async () => {
    server = await startTestPostgres();
    const { name, icuLocale } = database;
    connectionString = await server.createDatabase(name, icuLocale === undefined ? undefined : { icuLocale });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('the file’s PostgreSQL server is read before beforeAll started it');
      return server;
    },
    get database() {
      if (!connectionString) throw new Error('the file’s PostgreSQL database is read before beforeAll created it');
      return connectionString;
    },
    withClient(act) {
      return this.server.withClient(this.database, act);
    },
  };
}

export interface TestPostgresOptions {
  /** Keep PostgreSQL's durable defaults (fsync on), for measurements; tests run without fsync. */
  durable?: boolean;
  /** Run the server's processes with KEPT_FREED_MEMORY_MALLOC, as a tuned server would be; glibc's defaults without. */
  keepFreedMemory?: boolean;
}

/**
 * glibc malloc's settings (environment variables that glibc reads in every process, not PostgreSQL settings) that keep
 * the memory a backend frees for its next use. With glibc's defaults the event store's writer backend grows its heap
 * with brk for each batch — the Bind message and the copies of its parameters, a few hundred KB — faults the new pages
 * in, and at the end of the batch hands them back to the kernel (more than 128 KB free at the heap's top is trimmed):
 * in SLW-1, a fifth of that backend's CPU was brk and page faults (perf). With these, up to 64 MB freed at the top
 * stay in the process, and blocks up to 4 MB come from the heap instead of an mmap of their own each (once one of these
 * variables is set glibc no longer raises that threshold by itself). A backend keeps at most what it once held.
 * ARCHITECTURE.md, PostgreSQL event store, shows them on a Debian server.
 */
export const KEPT_FREED_MEMORY_MALLOC = {
  MALLOC_TRIM_THRESHOLD_: String(64 * 1024 * 1024),
  MALLOC_TOP_PAD_: String(4 * 1024 * 1024),
  MALLOC_MMAP_THRESHOLD_: String(4 * 1024 * 1024),
};

interface ServerAnnouncement {
  port: number;
  user: string;
  password: string;
}

const START_TIMEOUT_MS = 60_000;

/** A name that is a valid unquoted identifier, for a schema or database of one test. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

export async function startTestPostgres(options: TestPostgresOptions = {}): Promise<TestPostgresServer> {
  const script = path.join(__dirname, 'embedded-postgres.server.js');
  const child = spawn(process.execPath, [script, ...(options.durable ? ['--durable'] : [])], {
    stdio: ['pipe', 'pipe', 'pipe'],
    // The child starts PostgreSQL, whose processes inherit its environment.
    env: options.keepFreedMemory ? { ...process.env, ...KEPT_FREED_MEMORY_MALLOC } : process.env,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const announcement = await announcementOf(child);
  const connectionString = (database = 'postgres') =>
    `postgresql://${announcement.user}:${announcement.password}@127.0.0.1:${announcement.port}/${database}`;

  const withClient = async <T>(url: string, act: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return await act(client);
    } finally {
      await client.end();
    }
  };

  return {
    port: announcement.port,
    connectionString,
    withClient,
    createDatabase: async (name = uniqueName('db'), { icuLocale }: { icuLocale?: string } = {}) => {
      await withClient(connectionString(), (client) =>
        client.query(
          `CREATE DATABASE ${client.escapeIdentifier(name)}` +
            (icuLocale
              ? ` TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE ${client.escapeLiteral(icuLocale)} LOCALE 'C.UTF-8'`
              : ''),
        ),
      );
      return connectionString(name);
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.stdin.end(); // the server stops on end of input
      await exited;
    },
  };
}

/** Waits for the child's first stdout line; fails with its stderr when it exits first or takes too long. */
function announcementOf(child: ChildProcessWithoutNullStreams): Promise<ServerAnnouncement> {
  return new Promise<ServerAnnouncement>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    let settled = false;
    const settle = (act: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      act();
    };
    const fail = (why: string) =>
      settle(() => {
        child.kill();
        reject(new Error(`embedded PostgreSQL ${why}: ${stderr}`));
      });
    const timer = setTimeout(() => fail(`did not start within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline >= 0) settle(() => resolve(JSON.parse(stdout.slice(0, newline)) as ServerAnnouncement));
    });
    child.once('error', (error) => fail(`could not be spawned (${error.message})`));
    child.once('exit', (code) => fail(`exited with ${code} before it was ready`));
  });
}
