import type { PolicyDocument } from './iam-policy.ts';
import type { InlinePolicies } from './inline-policies.ts';
import { isoSeconds, validationError, type XmlFields } from './query-protocol.ts';

/** A role as IAM holds it. */
export interface Role {
  name: string;
  arn: string;
  roleId: string;
  trustPolicy: PolicyDocument;
  permissions: InlinePolicies;
  /** The ARN of the managed policy that caps what the role's own policies can grant. */
  permissionsBoundary: string | undefined;
  maxSessionDuration: number;
  createdAt: Date;
}

/**
 * Authenticates the caller, authorizes `permission` on the named role, and hands over the role (or
 * refuses with NoSuchEntity once the caller may look). The emulator supplies it per request.
 */
export type RoleAccess = (permission: string, roleName: string) => Promise<Role>;

type RoleAction = (params: URLSearchParams, access: RoleAccess) => Promise<XmlFields | undefined>;

const NAME_PATTERN = /^[\w+=,.@-]+$/;
const MAX_POLICY_DOCUMENT_CHARS = 131_072;
const DEFAULT_MAX_ITEMS = 100;

// IAM checks parameters before it authorizes, so every action reads its parameters before `access`.
// Nothing awaits between `access` and the change it makes, so a write is applied whole.
export const ROLE_ACTIONS: Record<string, RoleAction> = {
  GetRole: async (params, access) => {
    const role = await access('iam:GetRole', roleNameOf(params));
    return {
      Role: {
        Path: '/',
        RoleName: role.name,
        RoleId: role.roleId,
        Arn: role.arn,
        CreateDate: isoSeconds(role.createdAt),
        AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(role.trustPolicy)),
        MaxSessionDuration: role.maxSessionDuration,
        PermissionsBoundary: role.permissionsBoundary === undefined ? undefined : { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: role.permissionsBoundary },
      },
    };
  },

  PutRolePolicy: async (params, access) => {
    const [roleName, policyName] = [roleNameOf(params), policyNameOf(params)];
    const document = params.get('PolicyDocument');
    if (document === null) throw validationError(null, 'policyDocument', 'Member must not be null');
    if (document.length < 1 || document.length > MAX_POLICY_DOCUMENT_CHARS) {
      throw validationError(document, 'policyDocument', `Member must have length less than or equal to ${MAX_POLICY_DOCUMENT_CHARS}`);
    }
    const role = await access('iam:PutRolePolicy', roleName);
    role.permissions.put(policyName, document);
    return undefined;
  },

  GetRolePolicy: async (params, access) => {
    const [roleName, policyName] = [roleNameOf(params), policyNameOf(params)];
    const role = await access('iam:GetRolePolicy', roleName);
    return { RoleName: role.name, PolicyName: policyName, PolicyDocument: encodeURIComponent(role.permissions.text(policyName)) };
  },

  DeleteRolePolicy: async (params, access) => {
    const [roleName, policyName] = [roleNameOf(params), policyNameOf(params)];
    const role = await access('iam:DeleteRolePolicy', roleName);
    role.permissions.delete(policyName);
    return undefined;
  },

  ListRolePolicies: async (params, access) => {
    const roleName = roleNameOf(params);
    const maxItems = maxItemsOf(params);
    const marker = params.get('Marker');
    const role = await access('iam:ListRolePolicies', roleName);
    // The marker is the first name of the next page, opaque to callers as IAM's markers are.
    const after = marker === null ? '' : Buffer.from(marker, 'base64url').toString('utf8');
    const remaining = role.permissions.names().filter((name) => name >= after);
    const page = remaining.slice(0, maxItems);
    const next = remaining[maxItems];
    return {
      PolicyNames: { member: page },
      IsTruncated: next !== undefined,
      Marker: next === undefined ? undefined : Buffer.from(next, 'utf8').toString('base64url'),
    };
  },
};

function nameOf(params: URLSearchParams, parameter: string, member: string, maxLength: number): string {
  const value = params.get(parameter);
  if (value === null) throw validationError(null, member, 'Member must not be null');
  if (value.length < 1 || value.length > maxLength) throw validationError(value, member, `Member must have length less than or equal to ${maxLength}`);
  if (!NAME_PATTERN.test(value)) throw validationError(value, member, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+');
  return value;
}

const roleNameOf = (params: URLSearchParams) => nameOf(params, 'RoleName', 'roleName', 64);
const policyNameOf = (params: URLSearchParams) => nameOf(params, 'PolicyName', 'policyName', 128);

function maxItemsOf(params: URLSearchParams): number {
  const text = params.get('MaxItems');
  if (text === null) return DEFAULT_MAX_ITEMS;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 1000) {
    throw validationError(text, 'maxItems', 'Member must have value greater than or equal to 1 and less than or equal to 1000');
  }
  return value;
}
