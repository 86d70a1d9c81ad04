/**
 * deploy/ cannot be run here (no container engine): this reads every Dockerfile, the compose file and the Kubernetes
 * manifests and checks that they agree with each other and with the ledger's configuration schema — the entry points
 * exist, ports and probes match, every variable is one the ledger reads, and each process's environment passes the
 * same validation the apps run at start-up.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { LEDGER_ENV, ledgerConfigFromEnv, readLedgerEnv } from '@ledger/platform';

const ROOT = join(__dirname, '..', '..');
const DEPLOY = join(ROOT, 'deploy');
const read = (...path: string[]) => readFileSync(join(DEPLOY, ...path), 'utf8');

type Env = Record<string, string>;
type Doc = Record<string, any>;

/**
 * The apps, their ports (the schema's defaults: 3000 commands, 3001 the projection app alone, 3003 the relay) and
 * entry points. The relay is built on the kafka-bus branch (apps/relay, `npm run start:relay`); until that branch is
 * merged its entry point and its variables (below) are not in this tree, and the checks that need them say so.
 */
const APPS = {
  command: { port: 3000, entry: 'apps/command/src/main.ts' },
  projection: { port: 3001, entry: 'apps/projection/src/main.ts' },
  relay: { port: 3003, entry: 'apps/relay/src/main.ts' },
} as const;
type App = keyof typeof APPS;
const APP_NAMES = Object.keys(APPS) as App[];

const BUS_VARIABLES = ['LEDGER_BUS', 'KAFKA_BROKERS', 'KAFKA_TOPIC', 'KAFKA_GROUP'];
const busMerged = 'LEDGER_BUS' in LEDGER_ENV;
const relayMerged = existsSync(join(ROOT, APPS.relay.entry));

/** A variable the ledger reads — or, before the kafka-bus branch is merged, one of the bus's four. */
const knownVariable = (name: string) => name in LEDGER_ENV || (!busMerged && BUS_VARIABLES.includes(name));
/** The environment as the schema of this tree can validate it (the bus's variables set aside until it knows them). */
const validatable = (env: Env): Env =>
  Object.fromEntries(Object.entries(env).filter(([name]) => busMerged || !BUS_VARIABLES.includes(name)));

describe('deploy/docker: one image per app', () => {
  describe.each(APP_NAMES)('%s.Dockerfile', (app) => {
    const dockerfile = read('docker', `${app}.Dockerfile`);
    const lines = dockerfile.split('\n');
    const stages = lines.filter((line) => /^FROM /.test(line));
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    const { port, entry } = APPS[app];

    it('is multi-stage: built in one stage, run from a clean one that copies the build', () => {
      expect(stages.length).toBeGreaterThanOrEqual(2);
      expect(stages[0]).toMatch(/ AS build$/);
      expect(runtime).toMatch(/^COPY --from=build \/src\/dist /m);
      expect(runtime).not.toMatch(/npm (ci|install)/);
    });

    it('runs as a user that is not root', () => {
      const user = /^USER (\S+)$/m.exec(runtime)?.[1];
      expect(user).toBeDefined();
      expect(['root', '0', '0:0']).not.toContain(user);
    });

    it(`listens on ${port}, its health check asks /health/live there, and it runs ${entry}`, () => {
      expect(runtime).toMatch(new RegExp(`^EXPOSE ${port}$`, 'm'));
      expect(runtime).toMatch(new RegExp(`PORT=${port}\\b`));
      const healthcheck = runtime.slice(runtime.indexOf('HEALTHCHECK'));
      expect(healthcheck).toMatch(/^HEALTHCHECK --interval=\S+ --timeout=\S+/);
      expect(healthcheck).toContain("process.env.PORT + '/health/live'");
      const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(runtime)?.[1] ?? '[]') as string[];
      expect(cmd).toEqual(['node', entry.replace(/^/, 'dist/').replace(/\.ts$/, '.js')]);
    });

    it('copies what the build reads, and the entry point exists', () => {
      for (const path of ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts', 'apps', 'libs']) {
        expect(existsSync(join(ROOT, path))).toBe(true);
        expect(dockerfile).toMatch(new RegExp(`^COPY .*\\b${path.replace('.', '\\.')}\\b`, 'm'));
      }
      if (app !== 'relay' || relayMerged) expect(existsSync(join(ROOT, entry))).toBe(true);
    });
  });
});

/** `${VAR:-default}` → default, `${VAR:?message}` → the value an operator would set (these samples). */
const SET_BY_OPERATOR: Env = {
  LEDGER_ADMIN_TOKEN: 'admin-token',
  LEDGER_TOKENS: 't-officer:officer.zhang:officer,t-finance:finance.wang:finance',
};
const interpolated = (value: string) =>
  value.replace(/\$\{(\w+)(?::-([^}]*)|:\?[^}]*)\}/g, (_, name: string, fallback?: string) => {
    const resolved = fallback ?? SET_BY_OPERATOR[name];
    if (resolved === undefined) throw new Error(`\${${name}} has no default and no sample value`);
    return resolved;
  });

describe('deploy/docker-compose.yml: a province on one host', () => {
  const compose = parse(read('docker-compose.yml'), { merge: true }) as Doc;
  const services = compose.services as Record<string, Doc>;
  const ledgerServices = Object.entries(services).filter(([, service]) =>
    String(service.image).startsWith('consortium-ledger-'),
  );
  const appOf = (service: Doc) => /^consortium-ledger-(\w+):/.exec(service.image)![1] as App;
  const envOf = (service: Doc): Env =>
    Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolated(String(v))]));

  it('runs a 3-node KurrentDB cluster, each node seeding its gossip with the other two', () => {
    const nodes = Object.keys(services).filter((name) => /^kurrentdb-\d$/.test(name));
    expect(nodes).toHaveLength(3);
    for (const node of nodes) {
      const env = services[node].environment;
      expect(services[node].image).toMatch(/kurrentdb:(2[5-9]|[3-9]\d)\.\d+/); // 25.1 or later
      expect(env.KURRENTDB_CLUSTER_SIZE).toBe('3');
      expect(String(env.KURRENTDB_GOSSIP_SEED).split(',').sort()).toEqual(
        nodes.filter((other) => other !== node).map((other) => `${other}:2113`),
      );
    }
  });

  it('runs Kafka in KRaft mode (broker and controller in one, no ZooKeeper) and PostgreSQL', () => {
    const kafka = services.kafka.environment;
    expect(kafka.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(kafka.KAFKA_CONTROLLER_QUORUM_VOTERS).toBe(`${kafka.KAFKA_NODE_ID}@kafka:9093`);
    expect(Object.keys(services).filter((name) => /zookeeper/i.test(name))).toEqual([]);
    expect(services.postgres.image).toMatch(/^postgres:/);
  });

  it('runs two command replicas, one projection app and the relay, each from its Dockerfile', () => {
    expect(ledgerServices.map(([, service]) => appOf(service)).sort()).toEqual([
      'command',
      'command',
      'projection',
      'relay',
    ]);
    for (const [, service] of ledgerServices) {
      expect(service.build).toEqual({ context: '..', dockerfile: `deploy/docker/${appOf(service)}.Dockerfile` });
    }
  });

  it.each(['command-a', 'command-b', 'projection', 'relay'])(
    '%s: every variable is the ledger’s, its environment passes the ledger’s validation, and it points at the services',
    (name) => {
      const service = services[name];
      const env = envOf(service);
      expect(Object.keys(env).filter((variable) => !knownVariable(variable))).toEqual([]);
      const config = ledgerConfigFromEnv(validatable(env));
      const app = appOf(service);
      expect(config.port).toBe(APPS[app].port);
      expect(service.ports?.[0] ?? `:${APPS[app].port}`).toMatch(new RegExp(`:${APPS[app].port}$`));
      expect(config.eventStore.kind).toBe('kurrentdb');
      expect(config.readStore.kind).toBe('postgres');
      if (config.eventStore.kind !== 'kurrentdb' || config.readStore.kind !== 'postgres') return;
      const seeds = /\/\/(?:[^@]*@)?([^?]+)/.exec(config.eventStore.kurrentdb.url)![1].split(',');
      expect(seeds.map((seed) => seed.split(':')[0]).every((host) => host in services)).toBe(true);
      expect(new URL(config.readStore.database.url).hostname).toBe('postgres');
      expect(config.eventStore.kurrentdb.chainHeadEvery).toBe(app === 'projection' ? 1000 : 0);
      if (app !== 'command') {
        expect(env.LEDGER_BUS).toBe('kafka');
        expect(env.KAFKA_BROKERS.split(',').map((broker) => broker.split(':')[0])).toEqual(['kafka']);
      }
      expect(Object.keys(service.depends_on)).toEqual(expect.arrayContaining(['postgres', 'kafka', 'kurrentdb-0']));
    },
  );
});

describe('deploy/k8s: the ledger on Kubernetes', () => {
  const documents: Doc[] = readdirSync(join(DEPLOY, 'k8s'))
    .filter((file) => file.endsWith('.yaml'))
    .flatMap((file) =>
      parseAllDocuments(read('k8s', file)).map((document) => {
        expect([file, document.errors]).toEqual([file, []]);
        return { ...(document.toJS() as Doc), file };
      }),
    );
  const ofKind = (kind: string) => documents.filter((document) => document.kind === kind);
  const deployments = ofKind('Deployment');
  const configMaps = new Map<string, Env>(ofKind('ConfigMap').map((map) => [map.metadata.name, map.data]));
  const secrets = new Map<string, Env>(ofKind('Secret').map((secret) => [secret.metadata.name, secret.stringData]));
  const kustomization = parse(read('k8s', 'kustomization.yaml')) as Doc;

  it('has a Deployment, a Service and a PodDisruptionBudget per app, all listed in kustomization.yaml', () => {
    expect(deployments.map((deployment) => deployment.metadata.name).sort()).toEqual(
      APP_NAMES.map((app) => `consortium-ledger-${app}`),
    );
    expect(ofKind('Service')).toHaveLength(APP_NAMES.length);
    expect(ofKind('PodDisruptionBudget')).toHaveLength(APP_NAMES.length);
    const files = new Set(documents.filter((d) => !['Secret', 'Kustomization'].includes(d.kind)).map((d) => d.file));
    expect([...files].sort()).toEqual([...kustomization.resources].sort());
  });

  describe.each(APP_NAMES)('%s', (app) => {
    const deployment = deployments.find((candidate) => candidate.metadata.name === `consortium-ledger-${app}`)!;
    const pod = deployment.spec.template.spec;
    const [container] = pod.containers as Doc[];
    const { port } = APPS[app];

    /** The container's environment as the process sees it: its ConfigMaps, then its own values and secrets. */
    const environment = (): Env => {
      const env: Env = {};
      for (const { configMapRef } of container.envFrom ?? []) {
        expect(configMaps.has(configMapRef.name)).toBe(true);
        Object.assign(env, configMaps.get(configMapRef.name));
      }
      for (const variable of container.env ?? []) {
        const ref = variable.valueFrom?.secretKeyRef;
        if (ref) {
          expect([variable.name, secrets.get(ref.name)?.[ref.key]]).toEqual([variable.name, expect.any(String)]);
          env[variable.name] = secrets.get(ref.name)![ref.key];
        } else {
          env[variable.name] = variable.value;
        }
      }
      return env;
    };

    it(`runs the ${app} image on port ${port}, the port its environment gives it`, () => {
      expect(container.image).toMatch(new RegExp(`/consortium-ledger-${app}:[\\w.-]+$`));
      expect(container.ports).toEqual([{ name: 'http', containerPort: port }]);
      expect(ledgerConfigFromEnv(validatable(environment())).port).toBe(port);
    });

    it('reads only variables of the ledger, secrets from the Secret, and its environment passes validation', () => {
      const env = environment();
      expect(Object.keys(env).filter((name) => !knownVariable(name))).toEqual([]);
      expect(() => readLedgerEnv(validatable(env))).not.toThrow();
      const secretNames = (container.env as Doc[]).filter((variable) => variable.valueFrom).map((v) => v.name);
      expect(secretNames.sort()).toEqual(['DATABASE_URL', 'KURRENTDB_URL', 'LEDGER_ADMIN_TOKEN', 'LEDGER_TOKENS']);
      for (const map of configMaps.values()) expect(Object.keys(map)).not.toContain('DATABASE_URL');
      expect(env.KURRENTDB_CHAIN_HEAD_EVERY).toBe(app === 'projection' ? '1000' : '0');
      if (app !== 'command') expect(env.LEDGER_BUS).toBe('kafka');
    });

    it('is ready on /health/ready and alive on /health/live, on its port', () => {
      expect(container.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
      expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
    });

    it('asks for resources within its limits, runs as non-root, without Service links in its environment', () => {
      expect(Object.keys(container.resources.requests).sort()).toEqual(['cpu', 'memory']);
      expect(Object.keys(container.resources.limits).sort()).toEqual(['cpu', 'memory']);
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(pod.securityContext.runAsUser).not.toBe(0);
      expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
      expect(pod.enableServiceLinks).toBe(false);
      const mounts = (container.volumeMounts as Doc[]).map((mount) => mount.mountPath);
      expect(mounts).toContain(environment().LEDGER_DATA_DIR);
    });

    it('is selected by its Service (to the named port) and its PodDisruptionBudget', () => {
      const labels = deployment.spec.template.metadata.labels;
      const selects = (selector: Env) => Object.entries(selector).every(([key, value]) => labels[key] === value);
      expect(selects(deployment.spec.selector.matchLabels)).toBe(true);
      const services = ofKind('Service').filter((service) => selects(service.spec.selector));
      expect(services.map((service) => service.spec.ports[0].targetPort)).toEqual(['http']);
      const budgets = ofKind('PodDisruptionBudget').filter((budget) => selects(budget.spec.selector.matchLabels));
      expect(budgets).toHaveLength(1);
      const { minAvailable, maxUnavailable } = budgets[0].spec;
      // A budget that would block every drain is a budget that gets deleted.
      if (minAvailable !== undefined) expect(minAvailable).toBeLessThan(deployment.spec.replicas);
      else expect(maxUnavailable).toBeGreaterThanOrEqual(1);
    });
  });

  it('runs at least two command replicas', () => {
    expect(deployments.find((d) => d.metadata.name === 'consortium-ledger-command')!.spec.replicas).toBeGreaterThan(1);
  });
});
