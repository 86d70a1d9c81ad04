/**
 * A real Kafka wire protocol for tests, without a JVM or Docker: librdkafka's built-in mock cluster (Debian's
 * `librdkafka1`), hosted by `mock-kafka-cluster.cjs` in a child process and reached here by its bootstrap list.
 *
 * Why koffi in a child process:
 * - koffi is an npm package whose prebuilt FFI binaries ship inside the package, so `npm ci` on a clean clone is
 *   enough (no compiler, no download at install time), and it calls librdkafka's public mock API directly.
 * - A child process keeps librdkafka's broker threads out of the Jest worker: a crash or an abort in native code
 *   cannot take the test run down, the cluster can be SIGKILLed if it hangs, and each start gets fresh random ports.
 *   The child leaves with its parent (its IPC channel closes), so a failed or killed test run leaves no broker behind.
 * - python3 + ctypes would work too (shared/kafka/mock_kafka.py is the reference), but the npm way keeps the test
 *   toolchain to Node alone.
 */
import { ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const CLUSTER_SCRIPT = join(__dirname, 'mock-kafka-cluster.cjs');
const START_TIMEOUT_MS = 15_000;
const STOP_GRACE_MS = 5_000;

/** Children not yet stopped by this module instance (Jest gives every test file its own). */
const running = new Set<ChildProcess>();
// Safety net: a test file that forgets stop(), or fails before reaching it, still leaves no broker behind.
if (typeof afterAll === 'function') afterAll(() => Promise.all([...running].map(stopChild)));

export interface MockKafkaTopic {
  name: string;
  partitions: number;
  /** Defaults to min(brokers, 3). */
  replicationFactor?: number;
}

export interface MockKafkaOptions {
  /** Brokers in the cluster, numbered 1..N; broker 1 is the controller. */
  brokers?: number;
  /** Created before start resolves: the mock has no CreateTopics API. */
  topics?: MockKafkaTopic[];
  /** librdkafka's `debug=mock` request log on this process's stderr. */
  debug?: boolean;
  /** Which librdkafka to load; defaults to Debian's `librdkafka.so.1`. */
  library?: string;
}

export interface MockKafka {
  /** `host:port` of every broker, for kafkajs' `brokers`. */
  bootstrap: string[];
  librdkafkaVersion: string;
  /** The child's process id, so tests can check that stop() leaves nothing behind. */
  pid: number;
  /** Takes broker `id` (1..N) down — its connections closed, new ones refused — or back up; ports stay the same. */
  setBroker(id: number, state: 'down' | 'up'): Promise<void>;
  /** Destroys the cluster and waits for the child to exit; safe to call twice. */
  stop(): Promise<void>;
}

export async function startMockKafka(options: MockKafkaOptions = {}): Promise<MockKafka> {
  const child = fork(CLUSTER_SCRIPT, clusterArguments(options), {
    // No inherited --inspect or Jest flags; stdout carries the handshake, stderr the reason a start failed.
    execArgv: [],
    stdio: ['ignore', 'pipe', options.debug ? 'inherit' : 'pipe', 'ipc'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const stderr = collectStderr(child);
  let handshake: Handshake;
  try {
    handshake = await readHandshake(child, stderr);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  // Once started, nothing is read from the child: drain its output so a chatty cluster can never block on a pipe.
  child.stdout?.resume();
  child.stderr?.resume();
  if (child.pid === undefined) throw new Error('mock Kafka child has no pid');
  return {
    bootstrap: handshake.bootstrap,
    librdkafkaVersion: handshake.librdkafkaVersion,
    pid: child.pid,
    setBroker: (id, state) => request(child, { broker: id, up: state === 'up' }),
    stop: () => stopChild(child),
  };
}

let requests = 0;

/** One request over the IPC channel, answered by the child with the same id. */
function request(child: ChildProcess, body: { broker: number; up: boolean }): Promise<void> {
  const id = ++requests;
  return new Promise((resolve, reject) => {
    const onMessage = (answer: { id: number; error?: string }) => {
      if (answer.id !== id) return;
      child.off('message', onMessage);
      if (answer.error) reject(new Error(`mock Kafka: ${answer.error}`));
      else resolve();
    };
    child.on('message', onMessage);
    child.send({ id, ...body });
  });
}

function clusterArguments({ brokers = 1, topics = [], debug = false, library }: MockKafkaOptions): string[] {
  const topicArguments = topics.flatMap(({ name, partitions, replicationFactor }) => [
    '--topic',
    [name, partitions, ...(replicationFactor === undefined ? [] : [replicationFactor])].join(':'),
  ]);
  return [
    '--brokers',
    String(brokers),
    ...topicArguments,
    ...(debug ? ['--debug'] : []),
    ...(library === undefined ? [] : ['--library', library]),
  ];
}

function collectStderr(child: ChildProcess): () => string {
  let text = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    text = (text + chunk).slice(-4_000);
  });
  return () => text.trim();
}

interface Handshake {
  bootstrap: string[];
  librdkafkaVersion: string;
}

/** Waits for the `BOOTSTRAP=` line; rejects with the child's own words if it exits or hangs first. */
async function readHandshake(child: ChildProcess, stderr: () => string): Promise<Handshake> {
  const stdout = child.stdout;
  if (!stdout) throw new Error('mock Kafka child has no stdout');
  const lines = createInterface({ input: stdout });
  let librdkafkaVersion = 'unknown';
  const bootstrapLine = new Promise<string>((resolve) => {
    lines.on('line', (line) => {
      if (line.startsWith('LIBRDKAFKA=')) librdkafkaVersion = line.slice('LIBRDKAFKA='.length);
      if (line.startsWith('BOOTSTRAP=')) resolve(line.slice('BOOTSTRAP='.length));
    });
  });
  // 'close' comes after the child's stdio has ended, so stderr holds its last words (e.g. the missing package).
  const exitedEarly = once(child, 'close').then(([code, signal]: unknown[]) => {
    throw new Error(`mock Kafka did not start (exit ${String(code ?? signal)}): ${stderr() || 'no message'}`);
  });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`mock Kafka printed no bootstrap within ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
  });
  try {
    const bootstrap = await Promise.race([bootstrapLine, exitedEarly, timedOut]);
    return { bootstrap: bootstrap.split(','), librdkafkaVersion };
  } finally {
    clearTimeout(timer);
    lines.close();
    // The losing race entries must not surface later as unhandled rejections.
    exitedEarly.catch(() => undefined);
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  running.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  try {
    await exited;
  } finally {
    clearTimeout(killer);
  }
}
