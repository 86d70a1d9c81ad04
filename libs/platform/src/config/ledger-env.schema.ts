import { isBusinessDate } from '@ledger/domain/shared/dates';
/**
 * The environment the ledger reads, as a schema: every variable, what it takes, its default and what it means. Both
 * apps and the CLI read it through `ledgerConfigFromEnv` into one `LedgerConfig`. A wrong or incomplete value is a
 * `LedgerConfigError` whose message is one sentence naming the variable and what it expected.
 *
 * Adding a store: its name in EVENT_STORES (and READ_STORES where it keeps read models), its settings as variables
 * below with a rule in `crossChecks`, and a case in its opener (`event-store.opener.ts`, `read-store.opener.ts`,
 * `idempotency-store.opener.ts`). `kurrentdb` keeps the log only: read models and Idempotency-Key answers stay in
 * LEDGER_READ_STORE's store.
 */
import { isYuanString, yuanToFen } from '@ledger/domain/shared/money';
import { Language } from '@ledger/domain/shared/wording';
import { parseTokenList } from '../auth/token-list';
import { LedgerLogLevel, logLevelFromEnv } from '../logging/log-level';
import { redactedUrl } from './database-url';

export const EVENT_STORES = ['sqlite', 'postgres', 'kurrentdb'] as const;
export type EventStoreKind = (typeof EVENT_STORES)[number];
export const READ_STORES = ['sqlite', 'postgres'] as const;
export type ReadStoreKind = (typeof READ_STORES)[number];
/** How events reach the projections: in process (following the store's log) or through Kafka. */
export const BUSES = ['inproc', 'kafka'] as const;
export type BusKind = (typeof BUSES)[number];
export const KAFKA_SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

/** A wrong or incomplete configuration: the message is the one sentence an operator reads. */
export class LedgerConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerConfigError';
  }
}

export type RawEnv = Readonly<Record<string, string | undefined>>;

interface Variable<T> {
  /** What it means, for whoever reads the schema (the README and deploy/consortium-ledger.env.example say the same). */
  help: string;
  /** The value, or a LedgerConfigError; `undefined` and '' both mean "not set". */
  read(value: string | undefined, env: RawEnv): T;
}

const variable = <T>(help: string, read: (value: string | undefined, env: RawEnv) => T): Variable<T> => ({
  help,
  read,
});

const unset = (value: string | undefined): value is undefined => value === undefined || value.trim() === '';
const quoted = (value: string): string => JSON.stringify(value);
const wrong = (name: string, expected: string, value: string) =>
  new LedgerConfigError(`${name} must be ${expected}, not ${quoted(value)}`);

const LANGUAGES: readonly Language[] = ['zh', 'en'];

function oneOf<const K extends string>(name: string, kinds: readonly K[], value: string | undefined, fallback: K): K {
  if (unset(value)) return fallback;
  const kind = value.trim().toLowerCase();
  if ((kinds as readonly string[]).includes(kind)) return kind as K;
  throw wrong(name, kinds.length === 2 ? kinds.join(' or ') : `one of ${kinds.join(', ')}`, value);
}

function integer(name: string, value: string, { min, max }: { min: number; max: number }): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw wrong(name, max === Number.MAX_SAFE_INTEGER ? `a whole number of at least ${min}` : `${min}–${max}`, value);
  }
  return n;
}

/** The schemes @kurrent/kurrentdb-client's connection strings take (`+discover`: gossip seeds, a cluster). */
const KURRENTDB_SCHEME = /^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\/[^/?#]+/i;

/** Unquoted-identifier shape, as the PostgreSQL event store requires of its schema. */
const BROKER = /^[A-Za-z0-9._-]+:\d{1,5}$/;
/** Kafka's legal topic and group names (topics: at most 249 characters of these). */
const KAFKA_NAME = /^[A-Za-z0-9._-]{1,249}$/;
const kafkaName = (name: string, value: string | undefined, fallback: string): string => {
  if (unset(value)) return fallback;
  if (!KAFKA_NAME.test(value.trim())) throw wrong(name, 'a Kafka name (letters, digits, . _ -)', value);
  return value.trim();
};

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

/** Every variable the ledger reads. Read in this order; the first problem is the one reported. */
export const LEDGER_ENV = {
  PORT: variable('the HTTP port (default 3000; 3001 for the projection app alone; 0: any free port)', (v) =>
    unset(v) ? undefined : integer('PORT', v, { min: 0, max: 65535 }),
  ),
  HOST: variable('the address to listen on (default: every interface)', (v) => (unset(v) ? undefined : v.trim())),
  LEDGER_DATA_DIR: variable('the directory of the SQLite files and the generated admin token (default ./data)', (v) =>
    unset(v) ? './data' : v,
  ),
  LEDGER_STORE: variable(`the event store: ${EVENT_STORES.join(', ')} (default sqlite)`, (v) =>
    oneOf('LEDGER_STORE', EVENT_STORES, v, 'sqlite'),
  ),
  LEDGER_READ_STORE: variable(
    `where read models live: ${READ_STORES.join(' or ')} (default: as LEDGER_STORE where it can, sqlite otherwise)`,
    (v, env) => {
      const store = unset(env.LEDGER_STORE) ? 'sqlite' : env.LEDGER_STORE.trim().toLowerCase();
      const fallback = (READ_STORES as readonly string[]).includes(store) ? (store as ReadStoreKind) : 'sqlite';
      return oneOf('LEDGER_READ_STORE', READ_STORES, v, fallback);
    },
  ),
  DATABASE_URL: variable('the PostgreSQL database, postgresql://user:password@host:5432/database', (v) => {
    if (unset(v)) return undefined;
    let protocol = '';
    try {
      protocol = new URL(v.trim()).protocol;
    } catch {
      // not a URL at all
    }
    if (protocol !== 'postgresql:' && protocol !== 'postgres:') {
      throw wrong(
        'DATABASE_URL',
        'a postgresql:// URL (postgresql://user:password@host:5432/database)',
        redactedUrl(v),
      );
    }
    return v.trim();
  }),
  DATABASE_SCHEMA: variable('the PostgreSQL schema of the ledger’s tables (default public)', (v) => {
    if (unset(v)) return 'public';
    if (!SCHEMA_NAME.test(v.trim())) {
      throw wrong('DATABASE_SCHEMA', 'a lower-case identifier of at most 48 characters (letters, digits, _)', v);
    }
    return v.trim();
  }),
  KURRENTDB_URL: variable(
    'the KurrentDB server or cluster (25.1 or later), kurrentdb://host:2113?tls=false or kurrentdb+discover://…',
    (v) => {
      if (unset(v)) return undefined;
      if (!KURRENTDB_SCHEME.test(v.trim())) {
        throw wrong(
          'KURRENTDB_URL',
          'a KurrentDB connection string (kurrentdb://host:2113?tls=false, kurrentdb+discover://host1:2113,host2:2113)',
          redactedUrl(v),
        );
      }
      return v.trim();
    },
  ),
  KURRENTDB_CHAIN_HEAD_EVERY: variable(
    'KurrentDB: record the hash chain’s head after every this many events (default 1000; 0: not in this process)',
    (v) => (unset(v) ? 1000 : integer('KURRENTDB_CHAIN_HEAD_EVERY', v, { min: 0, max: 1_000_000 })),
  ),
  LEDGER_ADMIN_TOKEN: variable('the admin’s bearer token', (v) => (unset(v) ? undefined : v)),
  LEDGER_TOKENS: variable('bearer tokens, token:actor:role+role[@policy|region], comma-separated', (v) => {
    if (unset(v)) return undefined;
    try {
      parseTokenList(v);
    } catch (error) {
      throw new LedgerConfigError((error as Error).message);
    }
    return v;
  }),
  LEDGER_TODAY: variable('pins the business date, YYYY-MM-DD (demos, tests)', (v) => {
    if (unset(v)) return undefined;
    if (!isBusinessDate(v.trim())) throw wrong('LEDGER_TODAY', 'a date, YYYY-MM-DD', v);
    return v.trim();
  }),
  // Read by the CLI (apps/cli/cli-language.ts); named here so that setting it, as the env example says, is no error.
  LEDGER_LANG: variable("the CLI's language, zh or en (unset: the locale, LC_ALL/LANG; --lang overrides it)", (v) =>
    unset(v) ? undefined : oneOf('LEDGER_LANG', LANGUAGES, v, 'zh'),
  ),
  LEDGER_DUAL_CONTROL_AMOUNT: variable(
    'maker-checker: grants at or above this many yuan wait for a second finance user (unset: off)',
    (v) => {
      if (unset(v)) return undefined;
      if (!isYuanString(v.trim()) || yuanToFen(v.trim()) <= 0) {
        throw wrong(
          'LEDGER_DUAL_CONTROL_AMOUNT',
          'an amount of yuan above 0 with at most two decimals, e.g. 5000000.00',
          v,
        );
      }
      return yuanToFen(v.trim());
    },
  ),
  LEDGER_PENDING_DAYS: variable(
    'maker-checker: a pending grant unsigned this many days after its grantedOn is released (default 30)',
    (v) => (unset(v) ? 30 : integer('LEDGER_PENDING_DAYS', v, { min: 1, max: 3650 })),
  ),
  LEDGER_FOLLOW_POLL_MS: variable(
    'how often a process looks for log writes it was not told about (default 100)',
    (v) => (unset(v) ? 100 : integer('LEDGER_FOLLOW_POLL_MS', v, { min: 1, max: 60_000 })),
  ),
  LEDGER_READY_MAX_LAG: variable(
    'the most events read models may trail the log by for /health/ready (default 1000)',
    (v) => (unset(v) ? 1000 : integer('LEDGER_READY_MAX_LAG', v, { min: 0, max: Number.MAX_SAFE_INTEGER })),
  ),
  LEDGER_STREAM_HEARTBEAT_MS: variable(
    'how often GET /v1/stream sends a heartbeat comment on an idle stream, in milliseconds (default 15000)',
    (v) => (unset(v) ? 15_000 : integer('LEDGER_STREAM_HEARTBEAT_MS', v, { min: 10, max: 600_000 })),
  ),
  LEDGER_BUS: variable(`how events reach the projections: ${BUSES.join(' or ')} (default inproc)`, (v) =>
    oneOf('LEDGER_BUS', BUSES, v, 'inproc'),
  ),
  KAFKA_BROKERS: variable(
    'the Kafka bootstrap brokers, host:port, comma-separated; required with LEDGER_BUS=kafka',
    (v) => {
      if (unset(v)) return undefined;
      const brokers = v.split(',').map((broker) => broker.trim());
      if (!brokers.every((broker) => BROKER.test(broker))) throw wrong('KAFKA_BROKERS', 'host:port,host:port,…', v);
      return brokers;
    },
  ),
  KAFKA_TOPIC: variable('the topic of the event log, one partition (default ledger.events.v1)', (v) =>
    kafkaName('KAFKA_TOPIC', v, 'ledger.events.v1'),
  ),
  KAFKA_GROUP: variable('the consumer group of the projection processes (default consortium-ledger-projections)', (v) =>
    kafkaName('KAFKA_GROUP', v, 'consortium-ledger-projections'),
  ),
  KAFKA_SESSION_TIMEOUT_MS: variable(
    'how long a silent projection process keeps the log partition before another takes over (default 30000)',
    (v) => (unset(v) ? 30_000 : integer('KAFKA_SESSION_TIMEOUT_MS', v, { min: 3000, max: 300_000 })),
  ),
  KAFKA_TLS: variable('true: TLS to the brokers, checked against the system’s CAs (default false)', (v) => {
    if (unset(v)) return false;
    const flag = v.trim().toLowerCase();
    if (flag !== 'true' && flag !== 'false') throw wrong('KAFKA_TLS', 'true or false', v);
    return flag === 'true';
  }),
  KAFKA_SASL_MECHANISM: variable(`SASL: ${KAFKA_SASL_MECHANISMS.join(', ')} (default: none)`, (v) =>
    unset(v) ? undefined : oneOf('KAFKA_SASL_MECHANISM', KAFKA_SASL_MECHANISMS, v, 'plain'),
  ),
  KAFKA_SASL_USERNAME: variable('the SASL user; required with KAFKA_SASL_MECHANISM', (v) => (unset(v) ? undefined : v)),
  KAFKA_SASL_PASSWORD: variable('the SASL password; required with KAFKA_SASL_MECHANISM', (v) =>
    unset(v) ? undefined : v,
  ),
  LOG_LEVEL: variable('trace, debug, info (default), warn, error, fatal or silent', (v): LedgerLogLevel => {
    try {
      return logLevelFromEnv({ LOG_LEVEL: v });
    } catch (error) {
      throw new LedgerConfigError((error as Error).message);
    }
  }),
} satisfies Record<string, Variable<unknown>>;

export type LedgerEnv = { [K in keyof typeof LEDGER_ENV]: ReturnType<(typeof LEDGER_ENV)[K]['read']> };

/** Rules across variables, after each was read on its own. */
function crossChecks(env: LedgerEnv): void {
  const postgres = (['LEDGER_STORE', 'LEDGER_READ_STORE'] as const).find((name) => env[name] === 'postgres');
  if (postgres && env.DATABASE_URL === undefined) {
    throw new LedgerConfigError(
      `DATABASE_URL must be set to a postgresql:// URL when ${postgres} is postgres ` +
        '(postgresql://user:password@host:5432/database)',
    );
  }
  if (env.LEDGER_STORE === 'kurrentdb' && env.KURRENTDB_URL === undefined) {
    throw new LedgerConfigError(
      'KURRENTDB_URL must be set to a KurrentDB connection string when LEDGER_STORE is kurrentdb ' +
        '(kurrentdb://host:2113?tls=false)',
    );
  }
  if (env.LEDGER_BUS === 'kafka' && env.KAFKA_BROKERS === undefined) {
    throw new LedgerConfigError('KAFKA_BROKERS must be set (host:port,host:port,…) when LEDGER_BUS is kafka');
  }
  if (env.KAFKA_SASL_MECHANISM !== undefined) {
    const missing = (['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'] as const).find((name) => env[name] === undefined);
    if (missing) throw new LedgerConfigError(`${missing} must be set when KAFKA_SASL_MECHANISM is set`);
  }
}

/** The variables the ledger reads, validated; throws a LedgerConfigError naming the first problem. */
export function readLedgerEnv(raw: RawEnv): LedgerEnv {
  const unknown = Object.keys(raw).find((name) => name.startsWith('LEDGER_') && !(name in LEDGER_ENV));
  if (unknown) {
    const near = Object.keys(LEDGER_ENV).find((name) => editDistance(name, unknown) <= 2);
    throw new LedgerConfigError(
      `${unknown} is not a setting of the ledger: ` +
        (near ? `did you mean ${near}?` : 'deploy/consortium-ledger.env.example lists the ones it reads'),
    );
  }
  const env = Object.fromEntries(
    Object.entries(LEDGER_ENV).map(([name, spec]: [string, Variable<unknown>]) => [name, spec.read(raw[name], raw)]),
  ) as LedgerEnv;
  crossChecks(env);
  return env;
}

/** Levenshtein distance, for "did you mean". */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
