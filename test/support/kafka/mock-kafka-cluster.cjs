#!/usr/bin/env node
// @ts-check
/**
 * Hosts librdkafka's built-in mock Kafka cluster on 127.0.0.1 until SIGTERM/SIGINT (or, when started by
 * mock-kafka.ts, until its parent goes away). No JVM, no Docker: only Debian's `librdkafka1`, called through koffi.
 *
 *   node test/support/kafka/mock-kafka-cluster.cjs [--brokers N] [--topic NAME:PARTITIONS[:RF]]... [--debug]
 *                                                   [--library PATH]   (default librdkafka.so.1)
 *
 * Prints `LIBRDKAFKA=<version>` then `BOOTSTRAP=<host:port,...>` on stdout once the brokers listen.
 * Exit codes: 0 stopped, 2 bad arguments, 3 librdkafka.so.1 cannot be loaded, 1 anything else.
 *
 * Plain CommonJS on purpose: Node 20 cannot run TypeScript, and this file must run as is from a clean clone
 * (tsconfig only takes *.ts, `npm run build` only compiles apps/libs/bench).
 */
'use strict';

const { parseArgs } = require('node:util');

const EXIT_USAGE = 2;
const EXIT_NO_LIBRDKAFKA = 3;
const RD_KAFKA_PRODUCER = 0;

/** @param {number} code @param {string} message @returns {never} */
function fail(code, message) {
  process.stderr.write(`mock-kafka-cluster: ${message}\n`);
  process.exit(code);
}

const argumentOptions = /** @type {const} */ ({
  brokers: { type: 'string' },
  topic: { type: 'string', multiple: true },
  debug: { type: 'boolean' },
  library: { type: 'string', default: 'librdkafka.so.1' },
});

/** @returns {{ brokers: number, topics: { name: string, partitions: number, replicationFactor: number }[], debug: boolean, library: string }} */
function readArguments() {
  const values = parseOrFail();
  const brokers = Number(values.brokers ?? '1');
  if (!Number.isInteger(brokers) || brokers < 1) fail(EXIT_USAGE, `--brokers must be a positive integer`);
  const topics = (values.topic ?? []).map((spec) => {
    const [name, partitions = '1', replicationFactor = String(Math.min(brokers, 3))] = spec.split(':');
    const topic = { name, partitions: Number(partitions), replicationFactor: Number(replicationFactor) };
    const valid = name && [topic.partitions, topic.replicationFactor].every((n) => Number.isInteger(n) && n > 0);
    if (!valid || topic.replicationFactor > brokers) fail(EXIT_USAGE, `bad --topic ${spec} (NAME:PARTITIONS[:RF])`);
    return topic;
  });
  return { brokers, topics, debug: values.debug ?? false, library: values.library };
}

function parseOrFail() {
  try {
    return parseArgs({ options: argumentOptions }).values;
  } catch (error) {
    return fail(EXIT_USAGE, error instanceof Error ? error.message : String(error));
  }
}

/** @param {string} library */
function loadLibrdkafka(library) {
  /** @type {typeof import('koffi')} */
  const koffi = require('koffi');
  let lib;
  try {
    lib = koffi.load(library);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(
      EXIT_NO_LIBRDKAFKA,
      `cannot load ${library} (${reason}). Install Debian's package librdkafka1: apt-get install -y librdkafka1`,
    );
  }
  // Handles stay opaque to JS, except the one field patched in fixControllerId.
  const handle = koffi.pointer(koffi.opaque('rd_kafka_handle'));
  return {
    koffi,
    versionString: lib.func('const char *rd_kafka_version_str(void)'),
    errorString: lib.func('const char *rd_kafka_err2str(int err)'),
    confNew: lib.func('rd_kafka_conf_new', handle, []),
    confSet: lib.func('rd_kafka_conf_set', 'int', [handle, 'const char *', 'const char *', 'void *', 'size_t']),
    kafkaNew: lib.func('rd_kafka_new', handle, ['int', handle, 'void *', 'size_t']),
    kafkaDestroy: lib.func('rd_kafka_destroy', 'void', [handle]),
    clusterNew: lib.func('rd_kafka_mock_cluster_new', handle, [handle, 'int']),
    clusterBootstraps: lib.func('rd_kafka_mock_cluster_bootstraps', 'const char *', [handle]),
    clusterDestroy: lib.func('rd_kafka_mock_cluster_destroy', 'void', [handle]),
    topicCreate: lib.func('rd_kafka_mock_topic_create', 'int', [handle, 'const char *', 'int', 'int']),
    brokerSetDown: lib.func('rd_kafka_mock_broker_set_down', 'int', [handle, 'int32']),
    brokerSetUp: lib.func('rd_kafka_mock_broker_set_up', 'int', [handle, 'int32']),
  };
}

/**
 * The mock never sets its ControllerId (it stays 0) while its brokers are numbered 1..N, so kafkajs fails admin
 * calls and idempotent producers (InitProducerId goes to the controller) with "Broker 0 not found in the cached
 * metadata". In librdkafka 1.4 .. 2.x `struct rd_kafka_mock_cluster_s` begins
 * `{ char id[32]; rd_kafka_t *rk; int32_t controller_id; ... }`: make broker 1 the controller, but only after
 * checking that the rk pointer sits where that layout says, so another layout is left untouched.
 * @param {ReturnType<typeof loadLibrdkafka>} librdkafka @param {unknown} rk @param {unknown} cluster
 */
function fixControllerId({ koffi }, rk, cluster) {
  const head = new DataView(koffi.view(cluster, 44));
  const rkAtOffset32 = head.getBigUint64(32, true);
  if (rkAtOffset32 !== koffi.address(rk) || head.getInt32(40, true) !== 0) {
    process.stderr.write('mock-kafka-cluster: WARNING unexpected mock cluster layout, ControllerId left as is\n');
    return;
  }
  head.setInt32(40, 1, true);
}

function main() {
  const { brokers, topics, debug, library } = readArguments();
  const librdkafka = loadLibrdkafka(library);
  const errorText = Buffer.alloc(512);
  const errorMessage = () => errorText.toString('utf8', 0, Math.max(0, errorText.indexOf(0)));

  const conf = librdkafka.confNew();
  // debug=mock logs every request on stderr; otherwise hide the harmless "No bootstrap.servers" notice.
  const [key, value] = debug ? ['debug', 'mock'] : ['log_level', '3'];
  if (librdkafka.confSet(conf, key, value, errorText, errorText.length) !== 0)
    fail(1, `conf ${key}: ${errorMessage()}`);
  // This producer handle only hosts the mock cluster; it never connects anywhere. It takes ownership of conf.
  const rk = librdkafka.kafkaNew(RD_KAFKA_PRODUCER, conf, errorText, errorText.length);
  if (!rk) fail(1, `rd_kafka_new: ${errorMessage()}`);
  const cluster = librdkafka.clusterNew(rk, brokers);
  if (!cluster) fail(1, 'rd_kafka_mock_cluster_new failed');
  fixControllerId(librdkafka, rk, cluster);

  for (const topic of topics) {
    const error = librdkafka.topicCreate(cluster, topic.name, topic.partitions, topic.replicationFactor);
    if (error !== 0) fail(1, `topic ${topic.name}: ${librdkafka.errorString(error)}`);
  }

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    librdkafka.clusterDestroy(cluster);
    librdkafka.kafkaDestroy(rk);
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (process.send) {
    // Started by mock-kafka.ts: the IPC channel closes when the parent exits or is killed, so never outlive it.
    process.on('disconnect', stop);
    // Outages on request: { id, broker, up } takes a broker down (its connections closed, new ones refused) or up.
    process.on('message', (/** @type {{ id: number, broker: number, up: boolean }} */ request) => {
      const set = request.up ? librdkafka.brokerSetUp : librdkafka.brokerSetDown;
      const error = set(cluster, request.broker);
      process.send?.({ id: request.id, error: error === 0 ? undefined : librdkafka.errorString(error) });
    });
  } else {
    // By hand: the brokers run on librdkafka's own threads, which do not keep Node's event loop alive.
    setInterval(() => undefined, 1 << 30);
  }

  process.stdout.write(`LIBRDKAFKA=${librdkafka.versionString()}\n`);
  process.stdout.write(`BOOTSTRAP=${librdkafka.clusterBootstraps(cluster)}\n`);
}

main();
