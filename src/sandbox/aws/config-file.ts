import { readFile } from 'node:fs/promises';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import type { RoleDefinition } from './aws-emulator.ts';
import type { PolicyDocument } from './iam-policy.ts';

/**
 * The sandbox's AWS configuration as a JSON file, for people who start it with `npm run sandbox`.
 * The issuer's port is chosen at start-up, so the file names it through placeholders:
 * `{{provider}}` becomes the IAM OIDC provider's host and path (`127.0.0.1:PORT`), the prefix of the
 * `…:aud` and `…:sub` condition keys; `{{account}}` becomes the account ID.
 */
export interface AwsSandboxFile {
  roles: RoleDefinition[];
  managedPolicies?: Record<string, PolicyDocument>;
}

const SHAPE_HINT =
  'The file is {"roles": [{"name", "trustPolicy", "permissions"?: {NAME: document}, "maxSessionDuration"?, "permissionsBoundary"?}], "managedPolicies"?: {NAME: document}}, each document an object with "Statement"; demo/sandbox-aws.json is an example.';

export async function readAwsSandboxFile(path: string, placeholders: { provider: string; account: string }): Promise<AwsSandboxFile> {
  const raw = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new BrokerError(ErrorCode.InputInvalid, error.code === 'EISDIR' ? `The sandbox AWS configuration ${path} is a folder.` : `Cannot read the sandbox AWS configuration ${path} (${error.code ?? 'error'}).`, {
      hint: 'Check the path given to --aws-config; demo/sandbox-aws.json is an example.',
    });
  });
  const text = raw.replaceAll('{{provider}}', placeholders.provider).replaceAll('{{account}}', placeholders.account);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new BrokerError(ErrorCode.InputInvalid, `${path}: not valid JSON (${(error as Error).message})`, { hint: SHAPE_HINT });
  }
  const problem = shapeProblem(parsed);
  if (problem) throw new BrokerError(ErrorCode.InputInvalid, `${path}: ${problem}`, { hint: SHAPE_HINT });
  return parsed as AwsSandboxFile;
}

/** The first thing wrong with the file's structure, named by its place in the file; the emulator checks the values. */
function shapeProblem(file: unknown): string | undefined {
  if (!isObject(file)) return 'expected a JSON object with a "roles" array';
  const unknown = Object.keys(file).find((key) => key !== 'roles' && key !== 'managedPolicies');
  if (unknown) return `unknown key "${unknown}"`;
  if (!Array.isArray(file.roles)) return 'expected a "roles" array of {name, trustPolicy, permissions?, maxSessionDuration?, permissionsBoundary?}';
  for (const [index, role] of file.roles.entries()) {
    const at = `roles[${index}]`;
    if (!isObject(role)) return `${at} must be an object`;
    const extra = Object.keys(role).find((key) => !['name', 'trustPolicy', 'permissions', 'maxSessionDuration', 'permissionsBoundary'].includes(key));
    if (extra) return `${at} has an unknown key "${extra}"`;
    if (typeof role.name !== 'string' || role.name === '') return `${at}.name must be the role's name`;
    if (!isDocument(role.trustPolicy)) return `${at}.trustPolicy must be a policy document`;
    const documents = documentsProblem(role.permissions, `${at}.permissions`);
    if (documents) return documents;
    if (role.maxSessionDuration !== undefined && !Number.isInteger(role.maxSessionDuration)) return `${at}.maxSessionDuration must be a whole number of seconds`;
    if (role.permissionsBoundary !== undefined && typeof role.permissionsBoundary !== 'string') return `${at}.permissionsBoundary must be a managed policy's ARN`;
  }
  return documentsProblem(file.managedPolicies, 'managedPolicies');
}

function documentsProblem(documents: unknown, at: string): string | undefined {
  if (documents === undefined) return undefined;
  if (!isObject(documents)) return `${at} must map names to policy documents`;
  const bad = Object.entries(documents).find(([, document]) => !isDocument(document));
  return bad ? `${at}.${bad[0]} must be a policy document` : undefined;
}

function isDocument(value: unknown): boolean {
  return isObject(value) && (isObject(value.Statement) || Array.isArray(value.Statement));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
