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

export interface TestPostgresOptions {
  /** Keep PostgreSQL's durable defaults (fsync on), for measurements; tests run without fsync. */
  durable?: boolean;
}

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
