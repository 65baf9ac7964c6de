// The deployment examples in deploy/, checked against the code they run: every manifest parses, the
// configuration in the ConfigMap is one the broker accepts (with the Secret's URLs in the environment,
// as the Deployment puts them there), the probes ask endpoints the broker answers, the ports agree
// with the configuration, and the image's command is one the CLI parses, reading the mounted file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CommanderError } from 'commander';
import { parseAllDocuments } from 'yaml';
import { program } from '../../../src/cli/program.ts';
import { lintPolicy } from '../../../src/policy/lint/policy-lint.ts';
import { parsePolicy } from '../../../src/policy/load.ts';
import { parseBrokerConfig } from '../../../src/service/config.ts';
import { startBrokerFixture, type BrokerFixture } from '../service/broker-fixture.ts';

const DIR = 'deploy/kubernetes';

interface Manifest {
  file: string;
  kind: string;
  metadata: { name: string };
  [key: string]: unknown;
}

const manifests: Manifest[] = readdirSync(DIR)
  .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
  .flatMap((file) =>
    parseAllDocuments(readFileSync(join(DIR, file), 'utf8')).map((document) => {
      expect(document.errors).toEqual([]);
      return { ...(document.toJS() as Omit<Manifest, 'file'>), file } as Manifest;
    }),
  );

function one(kind: string): Manifest {
  const found = manifests.filter((manifest) => manifest.kind === kind);
  expect(found).toHaveLength(1);
  return found[0]!;
}

// Shapes of the parts the checks read.
interface Probe {
  httpGet: { path: string; port: string | number };
}
interface Container {
  image: string;
  args: string[];
  ports: Array<{ name: string; containerPort: number }>;
  env: Array<{ name: string; valueFrom: { secretKeyRef: { name: string; key: string } } }>;
  readinessProbe: Probe;
  livenessProbe: Probe;
  startupProbe: Probe;
  volumeMounts: Array<{ name: string; mountPath: string; subPath: string }>;
  securityContext: { readOnlyRootFilesystem: boolean; allowPrivilegeEscalation: boolean };
}
interface PodSpec {
  serviceAccountName: string;
  securityContext: { runAsNonRoot: boolean; runAsUser: number };
  containers: Container[];
  volumes: Array<{ name: string; configMap: { name: string } }>;
}

const deployment = one('Deployment') as Manifest & { spec: { selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> }; spec: PodSpec } } };
const pod = deployment.spec.template.spec;
const container = pod.containers[0]!;
const configMap = one('ConfigMap') as Manifest & { data: Record<string, string> };
const secret = one('Secret') as Manifest & { stringData: Record<string, string> };

/** The ConfigMap's broker.yml as the broker reads it, the Secret's values in the variables the Deployment sets. */
function brokerConfig() {
  return withSecretEnvironment(() => parseBrokerConfig(configMap.data['broker.yml']!, '/etc/ci-oidc-broker/broker.yml'));
}

function withSecretEnvironment<T>(work: () => T): T {
  const saved = { ...process.env };
  try {
    for (const variable of container.env) process.env[variable.name] = secret.stringData[variable.valueFrom.secretKeyRef.key];
    return work();
  } finally {
    for (const variable of container.env) {
      if (saved[variable.name] === undefined) delete process.env[variable.name];
      else process.env[variable.name] = saved[variable.name];
    }
  }
}

/** The Dockerfile's exec-form instruction, as the array it gives. */
function dockerfileArray(instruction: 'ENTRYPOINT' | 'CMD'): string[] {
  const line = readFileSync('deploy/Dockerfile', 'utf8')
    .split('\n')
    .find((text) => text.startsWith(`${instruction} `));
  return JSON.parse(line!.slice(instruction.length + 1)) as string[];
}

describe('the Kubernetes manifests', () => {
  it('are every one listed in the kustomization, and parse', () => {
    const listed = (parseAllDocuments(readFileSync(join(DIR, 'kustomization.yaml'), 'utf8'))[0]!.toJS() as { resources: string[] }).resources;
    expect([...listed].sort()).toEqual([...new Set(manifests.map((m) => m.file))].sort());
    expect(manifests.map((m) => m.kind).sort()).toEqual(['ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Secret', 'Service', 'ServiceAccount']);
  });

  it('configure a broker the broker accepts, its secrets in the Secret and not in the ConfigMap', () => {
    const config = brokerConfig();
    expect(config.store).toEqual({ kind: 'postgres', url: secret.stringData['database-url'] });
    expect(config.rateLimits.redis).toBe(secret.stringData['redis-url']);
    expect(config.behindProxy).toBe(true);
    expect(Object.values(configMap.data).join('\n')).not.toMatch(/CHANGE-ME|postgres(ql)?:\/\/|rediss?:\/\//);
    // The policy it mounts loads, and lints without an error, its operators included.
    const policy = parsePolicy(configMap.data['policy.yml']!, 'policy.yml');
    expect(policy.operators.map((o) => o.name)).toEqual(['incident-response']);
    expect(lintPolicy(policy).filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(config.policy.file).toBe('/etc/ci-oidc-broker/policy.yml');
    expect(container.volumeMounts.map((m) => m.mountPath).sort()).toEqual(['/etc/ci-oidc-broker/broker.yml', '/etc/ci-oidc-broker/policy.yml']);
  });

  it('expose the port the configuration listens on, through the Service and to the probes', () => {
    const config = brokerConfig();
    expect(container.ports).toEqual([expect.objectContaining({ name: 'http', containerPort: config.listen.port })]);
    // Reachable on the pod's address, not only its loopback.
    expect(config.listen.host).toBe('0.0.0.0');
    // The configuration's default port is the one the Dockerfile exposes and checks.
    const { listen } = withSecretEnvironment(() => parseBrokerConfig(configMap.data['broker.yml']!.replace(/^listen:.*$/m, ''), '/etc/ci-oidc-broker/broker.yml'));
    expect(listen.port).toBe(config.listen.port);
    const dockerfile = readFileSync('deploy/Dockerfile', 'utf8');
    expect(dockerfile).toContain(`EXPOSE ${listen.port}`);
    expect(dockerfile).toContain(`http://127.0.0.1:${listen.port}/healthz`);
    const service = one('Service') as Manifest & { spec: { selector: Record<string, string>; ports: Array<{ targetPort: string }> } };
    expect(service.spec.ports.map((p) => p.targetPort)).toEqual(['http']);
    expect(service.spec.selector).toEqual(deployment.spec.template.metadata.labels);
    for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe]) expect(probe.httpGet.port).toBe('http');
  });

  it('run as the image’s unprivileged user on a read-only filesystem, with the mounted configuration', () => {
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(container.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    expect(readFileSync('deploy/Dockerfile', 'utf8')).toMatch(/^USER 1000:1000$/m);
    expect(pod.volumes).toEqual([{ name: 'config', configMap: { name: configMap.metadata.name } }]);
    expect(pod.serviceAccountName).toBe(one('ServiceAccount').metadata.name);
    for (const variable of container.env) expect(variable.valueFrom.secretKeyRef.name).toBe(secret.metadata.name);
  });

  it('scale the Deployment on CPU, from two replicas', () => {
    const hpa = one('HorizontalPodAutoscaler') as Manifest & { spec: { scaleTargetRef: { kind: string; name: string }; minReplicas: number } };
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: deployment.metadata.name });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    const pdb = one('PodDisruptionBudget') as Manifest & { spec: { selector: { matchLabels: Record<string, string> } } };
    expect(pdb.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
  });
});

describe('the probes and the image’s command', () => {
  let broker: BrokerFixture;
  beforeAll(async () => {
    broker = await startBrokerFixture();
  });
  afterAll(async () => {
    await broker.close();
  });

  it('ask endpoints the broker answers: readiness its readiness, liveness its health', async () => {
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe]) {
      expect((await broker.app.inject({ url: probe.httpGet.path })).statusCode).toBe(200);
    }
    expect(readFileSync('deploy/Dockerfile', 'utf8')).toMatch(/^HEALTHCHECK .*\n? *CMD \["node", "-e", "fetch\('http:\/\/127\.0\.0\.1:\d+\/healthz'\)/m);
  });

  it('is the CLI’s serve with its real flags, reading the file the Deployment mounts, in the image and in the Deployment alike', () => {
    const entrypoint = dockerfileArray('ENTRYPOINT');
    const command = dockerfileArray('CMD');
    expect(entrypoint).toEqual(['node', '/opt/ci-oidc-broker/cli/index.js']);
    // The build context is dist/: the bundled CLI is what the entry point runs.
    expect(readFileSync('deploy/Dockerfile', 'utf8')).toMatch(/^COPY cli\/ \.\/cli\/$/m);
    expect(readFileSync('dist/cli/index.js', 'utf8').length).toBeGreaterThan(0);
    expect(container.args).toEqual(command);
    // The command line as the CLI parses it: `serve` runs with the config path (and nothing is unknown).
    let parsed: { config?: string } | undefined;
    const cli = program(() => undefined, '0.0.0');
    cli.exitOverride();
    const serve = cli.commands.find((c) => c.name() === 'serve')!;
    serve.exitOverride().action((options: { config: string }) => void (parsed = options));
    cli.parse(command, { from: 'user' });
    expect(parsed).toEqual({ config: '/etc/ci-oidc-broker/broker.yml' });
    expect(container.volumeMounts.map((m) => m.mountPath)).toContain(parsed!.config);
    // A flag the CLI does not have would not parse: the check can fail.
    const strict = program(() => undefined, '0.0.0').exitOverride();
    for (const c of [strict, ...strict.commands]) c.exitOverride().configureOutput({ writeErr: () => undefined });
    expect(() => strict.parse([...command, '--port', '8443'], { from: 'user' })).toThrow(CommanderError);
  });
});
