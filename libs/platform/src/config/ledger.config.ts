import { join, resolve } from 'node:path';
import { LedgerLogLevel } from '../logging/log-level';
import { describeDatabase, redactedUrl } from './database-url';
import {
  EventStoreKind,
  KafkaSaslMechanism,
  LedgerEnv,
  RawEnv,
  readLedgerEnv,
  ReadStoreKind,
} from './ledger-env.schema';

/** A PostgreSQL database (DATABASE_URL) and the schema the ledger's tables live in (DATABASE_SCHEMA). */
export interface PostgresDatabase {
  url: string;
  schema: string;
}

/** LEDGER_STORE: where the event log lives. */
export type EventStoreSetting =
  | { kind: Extract<EventStoreKind, 'sqlite'>; file: string }
  | { kind: Extract<EventStoreKind, 'postgres'>; database: PostgresDatabase }
  | { kind: Extract<EventStoreKind, 'kurrentdb'>; kurrentdb: KurrentDbServer };

/** A KurrentDB server or cluster (KURRENTDB_URL) and how often this process records the chain head. */
export interface KurrentDbServer {
  url: string;
  /** KURRENTDB_CHAIN_HEAD_EVERY: a chain head after every this many events; 0: this process records none. */
  chainHeadEvery: number;
}

/** LEDGER_READ_STORE: where read models live. */
export type ReadStoreSetting =
  | { kind: Extract<ReadStoreKind, 'sqlite'>; file: string }
  | { kind: Extract<ReadStoreKind, 'postgres'>; database: PostgresDatabase };

/** A Kafka cluster and the ledger's names in it (KAFKA_*). */
export interface KafkaSetting {
  brokers: string[];
  /** The event log's topic: one partition, events in log order, keyed by stream id. */
  topic: string;
  /** The projection processes' consumer group. */
  group: string;
  sessionTimeoutMs: number;
  tls: boolean;
  sasl?: { mechanism: KafkaSaslMechanism; username: string; password: string };
}

/** LEDGER_BUS: how events reach the projections — following the store's log in process, or consumed from Kafka. */
export type BusSetting = { kind: 'inproc' } | { kind: 'kafka'; kafka: KafkaSetting };

/**
 * Where the ledger keeps its data and how it listens: read once from the environment (validated by
 * ledger-env.schema.ts), the one configuration both apps and the CLI read.
 */
export interface LedgerConfig {
  port: number;
  /** HOST: the address to listen on; every interface when absent. */
  host?: string;
  dataDir: string;
  /** The SQLite files in the data directory (used when the store in question is sqlite). */
  eventsFile: string;
  projectionsFile: string;
  idempotencyFile: string;
  adminTokenFile: string;
  eventStore: EventStoreSetting;
  readStore: ReadStoreSetting;
  bus: BusSetting;
  /** LEDGER_ADMIN_TOKEN */
  adminToken?: string;
  /** LEDGER_TOKENS: `token:actor:role+role,…` */
  tokens?: string;
  /** Poll interval of a process following another process's writes. */
  followPollMs: number;
  /** LEDGER_READY_MAX_LAG: /health/ready fails while the read models trail the log by more events than this. */
  readyMaxLag: number;
  logLevel: LedgerLogLevel;
  /** Business "today" for commands and queries (deadlines, lateness): China Standard Time, or LEDGER_TODAY when pinned. */
  today: () => string;
  /** Maker-checker on large grants (ledger.dual-control): LEDGER_DUAL_CONTROL_AMOUNT in fen and LEDGER_PENDING_DAYS; off when unset. */
  dualControl?: { thresholdFen: number; pendingDays: number };
}

export const LEDGER_CONFIG = Symbol('LEDGER_CONFIG');

/**
 * The configuration from these variables (see ledger-env.schema.ts); throws a LedgerConfigError, one sentence naming
 * the variable, when one is wrong. `defaultPort` is the app's port when PORT is not set.
 */
export function ledgerConfigFromEnv(env: RawEnv = process.env, defaultPort = 3000): LedgerConfig {
  const vars = readLedgerEnv(env);
  const dataDir = resolve(vars.LEDGER_DATA_DIR);
  const database = vars.DATABASE_URL ? { url: vars.DATABASE_URL, schema: vars.DATABASE_SCHEMA } : undefined;
  const eventsFile = join(dataDir, 'events.sqlite');
  const projectionsFile = join(dataDir, 'projections.sqlite');
  return {
    port: vars.PORT ?? defaultPort,
    host: vars.HOST,
    dataDir,
    eventsFile,
    projectionsFile,
    idempotencyFile: join(dataDir, 'idempotency.sqlite'),
    adminTokenFile: join(dataDir, 'admin-token'),
    // readLedgerEnv has refused postgres without DATABASE_URL and kurrentdb without KURRENTDB_URL.
    eventStore:
      vars.LEDGER_STORE === 'postgres'
        ? { kind: 'postgres', database: database! }
        : vars.LEDGER_STORE === 'kurrentdb'
          ? {
              kind: 'kurrentdb',
              kurrentdb: { url: vars.KURRENTDB_URL!, chainHeadEvery: vars.KURRENTDB_CHAIN_HEAD_EVERY },
            }
          : { kind: 'sqlite', file: eventsFile },
    readStore:
      vars.LEDGER_READ_STORE === 'postgres'
        ? { kind: 'postgres', database: database! }
        : { kind: 'sqlite', file: projectionsFile },
    bus: busOf(vars),
    adminToken: vars.LEDGER_ADMIN_TOKEN,
    tokens: vars.LEDGER_TOKENS,
    followPollMs: vars.LEDGER_FOLLOW_POLL_MS,
    readyMaxLag: vars.LEDGER_READY_MAX_LAG,
    logLevel: vars.LOG_LEVEL,
    today: vars.LEDGER_TODAY ? () => vars.LEDGER_TODAY! : () => chinaDate(new Date()),
    ...(vars.LEDGER_DUAL_CONTROL_AMOUNT !== undefined && {
      dualControl: { thresholdFen: vars.LEDGER_DUAL_CONTROL_AMOUNT, pendingDays: vars.LEDGER_PENDING_DAYS },
    }),
  };
}

function busOf(vars: LedgerEnv): BusSetting {
  // readLedgerEnv has refused kafka without brokers, and a SASL mechanism without its user and password.
  if (vars.LEDGER_BUS === 'inproc') return { kind: 'inproc' };
  const mechanism = vars.KAFKA_SASL_MECHANISM;
  return {
    kind: 'kafka',
    kafka: {
      brokers: vars.KAFKA_BROKERS!,
      topic: vars.KAFKA_TOPIC,
      group: vars.KAFKA_GROUP,
      sessionTimeoutMs: vars.KAFKA_SESSION_TIMEOUT_MS,
      tls: vars.KAFKA_TLS,
      ...(mechanism && {
        sasl: { mechanism, username: vars.KAFKA_SASL_USERNAME!, password: vars.KAFKA_SASL_PASSWORD! },
      }),
    },
  };
}

/** Where the events go, for start-up lines (never with a password). */
export function describeBus(bus: BusSetting): string {
  return bus.kind === 'inproc'
    ? 'events followed in process'
    : `events through Kafka ${bus.kafka.brokers.join(',')}, topic ${bus.kafka.topic}`;
}

/**
 * KurrentDB's positions are `$all` commit positions: monotonic, not dense (see libs/event-store/src/kurrentdb/README.md).
 * Whatever counts events by subtracting positions, or stops on a gap between consecutive positions, asks this first.
 */
export const positionsAreNotDense = (config: Pick<LedgerConfig, 'eventStore'>): boolean =>
  config.eventStore.kind === 'kurrentdb';

/** Where the event log is, for start-up lines and the CLI (never with a password). */
export function describeEventStore(setting: EventStoreSetting): string {
  switch (setting.kind) {
    case 'sqlite':
      return setting.file;
    case 'postgres':
      return describeDatabase(setting.database.url, setting.database.schema);
    case 'kurrentdb':
      return `KurrentDB ${redactedUrl(setting.kurrentdb.url)}`;
  }
}

/** Where the read models are, for start-up lines and the CLI (never with a password). */
export function describeReadStore(setting: ReadStoreSetting): string {
  return setting.kind === 'sqlite' ? setting.file : describeDatabase(setting.database.url, setting.database.schema);
}

/** Where the log and the read models are, for start-up lines: once when they are in the same place. */
export function describeStores(config: Pick<LedgerConfig, 'eventStore' | 'readStore'>): string {
  const events = describeEventStore(config.eventStore);
  const readModels = describeReadStore(config.readStore);
  if (config.eventStore.kind === 'postgres' && events === readModels) return `events and read models in ${events}`;
  return `events in ${events}, read models in ${readModels}`;
}

/** The date in China Standard Time (UTC+8), where the programmes run. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
