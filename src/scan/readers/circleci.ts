import type { Node } from 'yaml';
import { referencedSecrets, reportStatic, scanEnvironment, scanScript } from '../credentials.ts';
import { finding } from '../findings.ts';
import type { ScannedJob } from '../scan-result.ts';
import { child, entries, items, keyNode, scriptLines, text, type YamlFile } from '../yaml-file.ts';
import type { ReaderContext } from './reader.ts';

/** CircleCI: the jobs and reusable commands of .circleci/config.yml. */
export async function readCircleCi(context: ReaderContext): Promise<void> {
  const file = (await context.open('.circleci/config.yml')) ?? (await context.open('.circleci/config.yaml'));
  if (!file) return;
  for (const [section, prefix] of [['jobs', ''], ['commands', 'commands/']] as const) {
    for (const { key, keyNode: at, value } of entries(child(file.root, section))) {
      const job = context.sink.job({ system: 'circleci', path: file.path, display: file.display, name: `${prefix}${key}`, location: file.at(at), node: value ?? undefined });
      scanEnvironment(file, context.sink, job, child(value, 'environment'), 'job', 'circleci');
      for (const image of items(child(value, 'docker'))) scanImageAuth(context, file, job, image);
      for (const step of items(child(value, 'steps'))) scanStep(context, file, job, step);
      const uses = workflowBranches(file.root, key);
      if (section === 'jobs' && job.clouds.size > 0 && uses.some((branches) => branches === undefined)) {
        context.sink.findings.push(
          finding(
            'static-keys-forks-by-setting',
            `job ${key} holds static ${[...job.clouds].join(' and ')} credentials on any branch: CircleCI builds a fork's pull request (as pull/N) with them when the project passes secrets to builds from forked pull requests`,
            file.at(at),
            key,
          ),
        );
      }
    }
  }
}

/**
 * Each use of a job in the workflows: the branches its filter names outright, or undefined for a use
 * that any branch runs (no filter, a pattern, or only an `ignore:`).
 */
export function workflowBranches(root: Node | null, jobName: string): Array<string[] | undefined> {
  return entries(child(root, 'workflows')).flatMap(({ value }) =>
    items(child(value, 'jobs')).flatMap((entry) => {
      if (text(entry) === jobName) return [undefined];
      return entries(entry)
        .filter((use) => use.key === jobName)
        .map((use) => {
          const only = child(child(child(use.value, 'filters'), 'branches'), 'only');
          const names = items(only).length > 0 ? items(only).map(text) : [text(only)];
          return names.every((name) => name !== undefined && /^[A-Za-z0-9._-][A-Za-z0-9._/-]*$/.test(name)) ? (names as string[]) : undefined;
        });
    }),
  );
}

/** Images pulled from ECR authenticate with keys (aws_auth) or with a role and the job's OIDC token. */
function scanImageAuth({ sink }: ReaderContext, file: YamlFile, job: ScannedJob, image: Node): void {
  const auth = child(image, 'aws_auth');
  if (child(auth, 'aws_access_key_id')) {
    const secrets = entries(auth).flatMap((entry) => referencedSecrets(text(entry.value) ?? '', 'circleci'));
    reportStatic(sink, job, 'aws', secrets, 'the image is pulled with aws_auth access keys', file.at(keyNode(auth, 'aws_access_key_id')));
  }
  else if (child(auth, 'oidc_role_arn')) {
    job.migrated = true;
    sink.findings.push(finding('oidc-migrated', 'the image is pulled with the job’s OIDC token (aws_auth: oidc_role_arn)', file.at(keyNode(auth, 'oidc_role_arn')), job.name));
  }
}

/** The AWS orbs take the names of the environment variables (project or context) that hold the keys. */
function variableNames(parameters: Node | null): string[] {
  return entries(parameters)
    .filter((entry) => entry.key === 'aws_access_key_id' || entry.key === 'aws_secret_access_key')
    .flatMap((entry) => {
      const value = text(entry.value) ?? '';
      return /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) ? [value] : referencedSecrets(value, 'circleci');
    });
}

function scanStep({ sink }: ReaderContext, file: YamlFile, job: ScannedJob, step: Node): void {
  // A step without parameters is written as its bare name.
  const named = text(step);
  const steps = named === undefined ? entries(step) : [{ key: named, keyNode: step, value: null }];
  for (const { key, keyNode: at, value } of steps) {
    if (key === 'run') {
      scanEnvironment(file, sink, job, child(value, 'environment'), 'step', 'circleci');
      scanScript(file, sink, job, scriptLines(text(value) === undefined ? child(value, 'command') : value), 'circleci');
    } else if (/^aws-cli\/setup$|^aws-ecr\//.test(key)) {
      const keyParameter = entries(value).find((entry) => entry.key === 'aws_access_key_id' || entry.key === 'aws_secret_access_key');
      if (keyParameter) reportStatic(sink, job, 'aws', variableNames(value), `the orb command ${key} is given access keys`, file.at(keyParameter.keyNode));
      else if (child(value, 'role_arn')) {
        job.migrated = true;
        sink.findings.push(finding('oidc-migrated', `the orb command ${key} assumes a role with the job’s OIDC token`, file.at(at), job.name));
      }
    } else if (/^gcp-cli\/setup$/.test(key)) {
      if (text(child(value, 'use_oidc')) === 'true') {
        job.migrated = true;
        sink.findings.push(finding('oidc-migrated', `the orb command ${key} uses workload identity federation`, file.at(at), job.name));
      } else reportStatic(sink, job, 'gcp', ['GCLOUD_SERVICE_KEY'], `the orb command ${key} authenticates with a service-account key`, file.at(at));
    }
  }
}
