import { join, resolve } from 'node:path';
import { describeEventStore, describeStores, ledgerConfigFromEnv } from './ledger.config';
import { LEDGER_ENV, LedgerConfigError, readLedgerEnv } from './ledger-env.schema';

const URL = 'postgresql://ledger:s3cret@db.example:5432/ledger';

describe('the configuration (ledger-env.schema.ts)', () => {
  it('defaults to the embedded stores in ./data, port by app, info logging', () => {
    const config = ledgerConfigFromEnv({}, 3001);
    expect(config).toMatchObject({
      port: 3001,
      dataDir: resolve('./data'),
      eventStore: { kind: 'sqlite', file: join(resolve('./data'), 'events.sqlite') },
      readStore: { kind: 'sqlite', file: join(resolve('./data'), 'projections.sqlite') },
      followPollMs: 100,
      readyMaxLag: 1000,
      logLevel: 'info',
    });
    expect(config.host).toBeUndefined();
    expect(config.today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('LEDGER_STORE=postgres puts the log (and, unless told otherwise, the read models) in DATABASE_URL', () => {
    const both = ledgerConfigFromEnv({ LEDGER_STORE: 'postgres', DATABASE_URL: URL, DATABASE_SCHEMA: 'ledger' });
    expect(both.eventStore).toEqual({ kind: 'postgres', database: { url: URL, schema: 'ledger' } });
    expect(both.readStore).toEqual({ kind: 'postgres', database: { url: URL, schema: 'ledger' } });

    const mixed = ledgerConfigFromEnv({ LEDGER_STORE: 'postgres', LEDGER_READ_STORE: 'sqlite', DATABASE_URL: URL });
    expect(mixed.eventStore).toEqual({ kind: 'postgres', database: { url: URL, schema: 'public' } });
    expect(mixed.readStore.kind).toBe('sqlite');

    const readModelsOnly = ledgerConfigFromEnv({ LEDGER_READ_STORE: 'Postgres', DATABASE_URL: URL });
    expect([readModelsOnly.eventStore.kind, readModelsOnly.readStore.kind]).toEqual(['sqlite', 'postgres']);
  });

  it('LEDGER_STORE=kurrentdb puts the log in KURRENTDB_URL; read models stay where LEDGER_READ_STORE says', () => {
    const url = 'kurrentdb+discover://ledger:s3cret@kurrentdb-0:2113,kurrentdb-1:2113?tls=true';
    const alone = ledgerConfigFromEnv({ LEDGER_STORE: 'KurrentDB', KURRENTDB_URL: url });
    expect(alone.eventStore).toEqual({ kind: 'kurrentdb', kurrentdb: { url, chainHeadEvery: 1000 } });
    expect(alone.readStore.kind).toBe('sqlite');
    expect(describeEventStore(alone.eventStore)).toBe(
      'KurrentDB kurrentdb+discover://ledger:***@kurrentdb-0:2113,kurrentdb-1:2113?tls=true',
    );

    const province = ledgerConfigFromEnv({
      LEDGER_STORE: 'kurrentdb',
      KURRENTDB_URL: 'kurrentdb://localhost:2113?tls=false',
      KURRENTDB_CHAIN_HEAD_EVERY: '0',
      LEDGER_READ_STORE: 'postgres',
      DATABASE_URL: URL,
    });
    expect(province.eventStore).toEqual({
      kind: 'kurrentdb',
      kurrentdb: { url: 'kurrentdb://localhost:2113?tls=false', chainHeadEvery: 0 },
    });
    expect(province.readStore).toEqual({ kind: 'postgres', database: { url: URL, schema: 'public' } });
    expect(describeStores(province)).toBe(
      'events in KurrentDB kurrentdb://localhost:2113?tls=false, read models in PostgreSQL ' +
        'postgresql://ledger:***@db.example:5432/ledger, schema public',
    );
  });

  it('reads every other variable, an empty value meaning "not set"', () => {
    const config = ledgerConfigFromEnv({
      PORT: '8080',
      HOST: '127.0.0.1',
      LEDGER_DATA_DIR: '/var/lib/consortium-ledger',
      LEDGER_ADMIN_TOKEN: 'root-token',
      LEDGER_TOKENS: 't1:zhang:officer',
      LEDGER_TODAY: '2025-10-12',
      LEDGER_FOLLOW_POLL_MS: '50',
      LEDGER_READY_MAX_LAG: '0',
      LOG_LEVEL: 'WARN',
      DATABASE_URL: '',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/var/lib/consortium-ledger',
      adminToken: 'root-token',
      tokens: 't1:zhang:officer',
      followPollMs: 50,
      readyMaxLag: 0,
      logLevel: 'warn',
    });
    expect(config.today()).toBe('2025-10-12');
  });

  it.each([
    [{ LEDGER_STORE: 'postgress' }, 'LEDGER_STORE must be one of sqlite, postgres, kurrentdb, not "postgress"'],
    [{ LEDGER_READ_STORE: 'mysql' }, 'LEDGER_READ_STORE must be sqlite or postgres, not "mysql"'],
    [
      { LEDGER_STORE: 'postgres' },
      'DATABASE_URL must be set to a postgresql:// URL when LEDGER_STORE is postgres ' +
        '(postgresql://user:password@host:5432/database)',
    ],
    [
      { LEDGER_READ_STORE: 'postgres' },
      'DATABASE_URL must be set to a postgresql:// URL when LEDGER_READ_STORE is postgres ' +
        '(postgresql://user:password@host:5432/database)',
    ],
    [
      { LEDGER_STORE: 'postgres', DATABASE_URL: 'mysql://ledger:s3cret@db/ledger' },
      'DATABASE_URL must be a postgresql:// URL (postgresql://user:password@host:5432/database), ' +
        'not "mysql://ledger:***@db/ledger"',
    ],
    [
      { DATABASE_SCHEMA: 'Ledger-1' },
      'DATABASE_SCHEMA must be a lower-case identifier of at most 48 characters (letters, digits, _), not "Ledger-1"',
    ],
    [
      { LEDGER_STORE: 'kurrentdb' },
      'KURRENTDB_URL must be set to a KurrentDB connection string when LEDGER_STORE is kurrentdb ' +
        '(kurrentdb://host:2113?tls=false)',
    ],
    [
      { LEDGER_STORE: 'kurrentdb', KURRENTDB_URL: 'http://admin:s3cret@kurrentdb:2113' },
      'KURRENTDB_URL must be a KurrentDB connection string (kurrentdb://host:2113?tls=false, ' +
        'kurrentdb+discover://host1:2113,host2:2113), not "http://admin:***@kurrentdb:2113"',
    ],
    [{ KURRENTDB_CHAIN_HEAD_EVERY: '-5' }, 'KURRENTDB_CHAIN_HEAD_EVERY must be 0–1000000, not "-5"'],
    [{ PORT: '70000' }, 'PORT must be 0–65535, not "70000"'],
    [{ PORT: '30OO' }, 'PORT must be 0–65535, not "30OO"'],
    [{ LEDGER_TODAY: '2025-02-30' }, 'LEDGER_TODAY must be a date, YYYY-MM-DD, not "2025-02-30"'],
    [{ LEDGER_FOLLOW_POLL_MS: '0' }, 'LEDGER_FOLLOW_POLL_MS must be 1–60000, not "0"'],
    [{ LEDGER_READY_MAX_LAG: '-1' }, 'LEDGER_READY_MAX_LAG must be a whole number of at least 0, not "-1"'],
    [
      { LOG_LEVEL: 'verbose' },
      'LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent, not "verbose"',
    ],
    [
      { LEDGER_TOKENS: 't1:zhang:officer,secret-token:li:banker' },
      'LEDGER_TOKENS entry 2 must be token:actor:role+role with roles among officer, finance, supervisor, viewer, ' +
        'admin, not "<token>:li:banker"',
    ],
    [{ LEDGER_STOR: 'postgres' }, 'LEDGER_STOR is not a setting of the ledger: did you mean LEDGER_STORE?'],
    [
      { LEDGER_COLOUR: 'red' },
      'LEDGER_COLOUR is not a setting of the ledger: deploy/consortium-ledger.env.example lists the ones it reads',
    ],
  ])('refuses %j with one sentence naming the variable: %s', (env, message) => {
    let error: unknown;
    try {
      ledgerConfigFromEnv(env);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(LedgerConfigError);
    expect((error as Error).message).toBe(message);
    expect((error as Error).message).not.toMatch(/\n|s3cret|secret-token/);
  });

  it('reports the first problem in the order of the schema', () => {
    expect(() => readLedgerEnv({ LEDGER_STORE: 'x', PORT: 'y' })).toThrow(/^PORT/);
  });

  it('every variable has a line of help', () => {
    for (const [name, spec] of Object.entries(LEDGER_ENV)) expect([name, spec.help.length > 10]).toEqual([name, true]);
  });
});
