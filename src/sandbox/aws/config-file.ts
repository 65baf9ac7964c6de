import { readFile } from 'node:fs/promises';
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

export async function readAwsSandboxFile(path: string, placeholders: { provider: string; account: string }): Promise<AwsSandboxFile> {
  const text = (await readFile(path, 'utf8')).replaceAll('{{provider}}', placeholders.provider).replaceAll('{{account}}', placeholders.account);
  let parsed: AwsSandboxFile;
  try {
    parsed = JSON.parse(text) as AwsSandboxFile;
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(parsed.roles)) throw new Error(`${path}: expected a "roles" array of {name, trustPolicy, permissions?, maxSessionDuration?}`);
  return parsed;
}
