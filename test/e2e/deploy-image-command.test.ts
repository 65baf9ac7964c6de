// What the container image would run, run here without a container: the bundled CLI with the
// Dockerfile's ENTRYPOINT and CMD, on the ConfigMap's broker.yml and policy.yml, with the variables the
// Deployment fills from the Secret pointing at real PostgreSQL and Redis servers. Only the listen
// address is changed, to a free loopback port. The probes' paths then answer as Kubernetes expects.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import { createDatabase, POSTGRES_URL_ENV, REDIS_URL_ENV, sharedServerUrl } from '../setup/servers.ts';
import { CLI } from '../helpers/dist.ts';

interface Manifest {
  kind: string;
  data?: Record<string, string>;
  spec?: { template: { spec: { containers: Array<{ args: string[]; readinessProbe: Probe; livenessProbe: Probe; volumeMounts: Array<{ mountPath: string; subPath: string }> }> } } };
}
interface Probe {
  httpGet: { path: string };
}

const manifests = ['configmap.yaml', 'deployment.yaml'].flatMap((file) => parseAllDocuments(readFileSync(join('deploy/kubernetes', file), 'utf8')).map((d) => d.toJS() as Manifest));
const configMap = manifests.find((m) => m.kind === 'ConfigMap')!;
const container = manifests.find((m) => m.kind === 'Deployment')!.spec!.template.spec.containers[0]!;
const dockerfile = readFileSync('deploy/Dockerfile', 'utf8');
const instruction = (name: string): string[] => JSON.parse(dockerfile.split('\n').find((line) => line.startsWith(`${name} `))!.slice(name.length + 1)) as string[];

let dir: string;
let broker: ChildProcess;
let url: string;
let stderr = '';
let stdout = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'broker-image-'));
  // The folder the Deployment mounts the ConfigMap's files into, moved to a temporary one.
  const mounted = '/etc/ci-oidc-broker';
  expect(container.volumeMounts.map((m) => m.mountPath).sort()).toEqual([`${mounted}/broker.yml`, `${mounted}/policy.yml`]);
  for (const { subPath } of container.volumeMounts) {
    const text = configMap.data![subPath]!;
    writeFileSync(join(dir, subPath), subPath === 'broker.yml' ? text.replace(/^listen:.*$/m, 'listen: {host: 127.0.0.1, port: 0}') : text);
  }
  const [node, script] = instruction('ENTRYPOINT');
  expect([node, script]).toEqual(['node', '/opt/ci-oidc-broker/cli/index.js']);
  const args = instruction('CMD').map((arg) => arg.replace(mounted, dir));
  expect(args).toEqual(['serve', '--config', join(dir, 'broker.yml')]);
  broker = spawn(process.execPath, [resolve(CLI), ...args], {
    env: { PATH: process.env.PATH, BROKER_DATABASE_URL: await createDatabase(sharedServerUrl(POSTGRES_URL_ENV)), BROKER_REDIS_URL: sharedServerUrl(REDIS_URL_ENV), AWS_EC2_METADATA_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  broker.stdout!.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
  url = await new Promise<string>((resolveUrl, reject) => {
    broker.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const listening = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)?.[1];
      if (listening) resolveUrl(listening);
    });
    broker.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
});

afterAll(async () => {
  if (broker && broker.exitCode === null) {
    const exited = new Promise((done) => broker.once('exit', done));
    broker.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('the image’s command on the Kubernetes configuration', () => {
  it('serves, on the shared PostgreSQL and Redis the Secret names, and the probes’ paths answer', async () => {
    // Redis connects beside the listener, so a probe may come first; as Kubernetes does, ask again (bounded).
    const probe = async () => {
      const ready = await fetch(`${url}${container.readinessProbe.httpGet.path}`);
      return { status: ready.status, body: (await ready.json()) as { rateLimits?: string } };
    };
    let ready = await probe();
    for (let attempt = 0; attempt < 50 && ready.body.rateLimits !== 'redis'; attempt++) ready = await new Promise((done) => setTimeout(done, 100)).then(probe);
    expect(ready).toEqual({ status: 200, body: expect.objectContaining({ status: 'ready', store: 'postgres', rateLimits: 'redis' }) });
    expect((await fetch(`${url}${container.livenessProbe.httpGet.path}`)).status).toBe(200);
  });

  it('stops cleanly on SIGTERM, as Kubernetes ends a pod, and logs no connection URL', async () => {
    const exited = new Promise<number | null>((done) => broker.once('exit', (code) => done(code)));
    broker.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(`${stdout}${stderr}`).not.toMatch(/postgres(ql)?:\/\/|redis:\/\//);
  });
});
