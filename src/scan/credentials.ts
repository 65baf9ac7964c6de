import type { Node } from 'yaml';
import { finding, fingerprint, type CiSystem, type Cloud, type Position, type RuleId } from './findings.ts';
import type { ScanSink, ScannedJob } from './scan-result.ts';
import { entries, text, type YamlFile } from './yaml-file.ts';

const STATIC_RULE: Record<Cloud, RuleId> = { aws: 'static-aws-keys', gcp: 'static-gcp-key', azure: 'static-azure-secret' };
const CLOUD_NAME: Record<Cloud, string> = { aws: 'AWS', gcp: 'Google', azure: 'Azure' };

/** Variables every SDK and CLI of a cloud reads a static credential from. */
const CREDENTIAL_VARIABLES: Record<string, Cloud> = {
  AWS_ACCESS_KEY_ID: 'aws',
  AWS_SECRET_ACCESS_KEY: 'aws',
  GOOGLE_CREDENTIALS: 'gcp',
  GOOGLE_CLOUD_KEYFILE_JSON: 'gcp',
  GCLOUD_SERVICE_KEY: 'gcp',
  GCP_SA_KEY: 'gcp',
  AZURE_CLIENT_SECRET: 'azure',
  ARM_CLIENT_SECRET: 'azure',
  AZURE_CREDENTIALS: 'azure',
};
/** The cloud whose static credential a variable holds, for the plan that removes it. */
export function credentialCloud(name: string): Cloud | undefined {
  return name === 'GOOGLE_APPLICATION_CREDENTIALS' ? 'gcp' : CREDENTIAL_VARIABLES[name];
}

// An id rather than a secret: a literal one is reported by the key-material scan, not here.
const IDENTIFIERS = new Set(['AWS_ACCESS_KEY_ID']);

/** A credential written out in the file rather than read from a secret. */
export function isLiteralCredential(variable: string, value: string): boolean {
  return !isExpression(value) && variable in CREDENTIAL_VARIABLES && !IDENTIFIERS.has(variable);
}

/** The secrets (GitHub) or CI variables (elsewhere) a value reads. */
export function referencedSecrets(value: string, system: CiSystem): string[] {
  const pattern = system === 'github-actions' ? /secrets\.([A-Za-z_][A-Za-z0-9_]*)|secrets\[\s*['"]([^'"]+)['"]\s*\]/g : /\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g;
  return [...value.matchAll(pattern)].map((match) => match[1] ?? match[2]!).filter((name) => name !== 'GITHUB_TOKEN');
}

function isExpression(value: string): boolean {
  return /\$\{\{|\$\{?[A-Za-z_]/.test(value);
}

/** Records that `job` holds a static credential, and reports it at `at`. */
export function reportStatic(sink: ScanSink, job: ScannedJob | undefined, cloud: Cloud, secrets: readonly string[], what: string, at: Position): void {
  if (job) {
    job.clouds.add(cloud);
    for (const secret of secrets) job.secrets.set(secret, cloud);
  }
  const from = secrets.length > 0 ? ` from ${secrets.length === 1 ? 'the secret' : 'the secrets'} ${secrets.join(', ')}` : '';
  sink.findings.push(finding(STATIC_RULE[cloud], `${what}${from}: a static ${CLOUD_NAME[cloud]} credential`, at, job?.name));
}

/**
 * Credential variables set in an `env:` or `variables:` mapping, at `level` (workflow, job, step…).
 * One finding per cloud per mapping; a credential written out literally is reported by fingerprint.
 * Returns what it found, for the jobs that inherit the mapping.
 */
export function scanEnvironment(file: YamlFile, sink: ScanSink, job: ScannedJob | undefined, env: Node | null | undefined, level: string, system: CiSystem): StaticCredentials {
  const byCloud = new Map<Cloud, { names: string[]; secrets: string[]; at: Node }>();
  for (const { key, keyNode, value } of entries(env)) {
    const raw = text(value) ?? text(entries(value).find((entry) => entry.key === 'value')?.value);
    if (raw === undefined) continue;
    const cloud = key === 'GOOGLE_APPLICATION_CREDENTIALS' ? keyFileVariable(raw, sink) : CREDENTIAL_VARIABLES[key];
    if (cloud === undefined) continue;
    const group = byCloud.get(cloud) ?? { names: [], secrets: [], at: keyNode };
    group.names.push(key);
    group.secrets.push(...referencedSecrets(raw, system));
    byCloud.set(cloud, group);
    if (isLiteralCredential(key, raw)) {
      const print = fingerprint(raw);
      sink.findings.push(finding('committed-credential', `${key} is written out in ${level} configuration (fingerprint ${print})`, file.at(value), job?.name, print));
    }
  }
  for (const [cloud, group] of byCloud) reportStatic(sink, job, cloud, [...new Set(group.secrets)], `${level} env sets ${group.names.join(', ')}`, file.at(group.at));
  return { clouds: [...byCloud.keys()], secrets: [...byCloud].flatMap(([cloud, group]) => group.secrets.map((secret): [string, Cloud] => [secret, cloud])) };
}

/** What an environment shared by several jobs (a workflow's, a pipeline's) hands each of them. */
export interface StaticCredentials {
  clouds: Cloud[];
  secrets: Array<[string, Cloud]>;
}

export function inherit(job: ScannedJob, credentials: StaticCredentials): void {
  for (const cloud of credentials.clouds) job.clouds.add(cloud);
  for (const [secret, cloud] of credentials.secrets) job.secrets.set(secret, cloud);
}

/**
 * GOOGLE_APPLICATION_CREDENTIALS is static when it names a key file; one that a federation step
 * wrote (an output of google-github-actions/auth, say) is left alone.
 */
function keyFileVariable(value: string, sink: ScanSink): Cloud | undefined {
  if (/steps\.|outputs\.|GOOGLE_GHA_CREDS_PATH/.test(value)) return undefined;
  if (!isExpression(value)) sink.keyFiles.add(value.replace(/^\.\//, ''));
  return 'gcp';
}

export const STATIC_COMMANDS: ReadonlyArray<{ cloud: Cloud; pattern: RegExp; what: string }> = [
  { cloud: 'gcp', pattern: /\bgcloud\s+auth\s+activate-service-account\b.*--key-file/, what: 'gcloud auth activate-service-account --key-file' },
  { cloud: 'aws', pattern: /\baws\s+configure\s+set\s+(?:\S+\.)?aws_(?:secret_access_key|access_key_id)\b/, what: 'aws configure set with an access key' },
  { cloud: 'aws', pattern: /^(?:export\s+)?AWS_(?:SECRET_ACCESS_KEY|ACCESS_KEY_ID)=/, what: 'the script exports AWS access keys' },
  { cloud: 'azure', pattern: /\baz\s+login\b(?=.*--service-principal)(?!.*--federated-token)/, what: 'az login --service-principal with a client secret' },
];

/** Federation done by hand in a script: the job already trades an OIDC token. */
const OIDC_COMMANDS = /\bci-oidc-broker\s+(?:exchange|aws-credential-process)\b|assume-role-with-web-identity|\bbuildkite-agent\s+oidc\s+request-token\b|--federated-token\b|create-cred-config\b/;

/** A job's script lines: static credentials used by commands, and hand-made federation. */
export function scanScript(file: YamlFile, sink: ScanSink, job: ScannedJob | undefined, lines: ReadonlyArray<{ line: string; node: Node }>, system: CiSystem): void {
  for (const { line, node } of lines) {
    if (OIDC_COMMANDS.test(line)) {
      if (job) job.migrated = true;
      // The command's name only: the rest of the line may carry a value.
      sink.findings.push(finding('oidc-migrated', `the script exchanges an OIDC token (${OIDC_COMMANDS.exec(line)![0]})`, file.within(node, line), job?.name));
    }
    for (const command of STATIC_COMMANDS.filter((c) => c.pattern.test(line))) {
      const keyFile = /--key-file[=\s]+["']?([^\s"']+)/.exec(line)?.[1];
      if (keyFile !== undefined && !isExpression(keyFile)) sink.keyFiles.add(keyFile.replace(/^\.\//, ''));
      // The key usually reaches the file from a variable a line before: `echo "$KEY" > key.json`.
      const writers = keyFile === undefined ? [] : lines.filter((other) => other.line.includes(keyFile) && /(?:>>?|\btee\b)/.test(other.line) && !command.pattern.test(other.line));
      reportStatic(sink, job, command.cloud, [...new Set([...referencedSecrets(line, system), ...writers.flatMap((writer) => referencedSecrets(writer.line, system))])], command.what, file.within(node, line));
    }
  }
}
