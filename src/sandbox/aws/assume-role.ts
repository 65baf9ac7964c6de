import type { KeyValue } from './iam-policy.ts';
import { AwsApiError, validationError } from './query-protocol.ts';

/** What AssumeRole carries beyond what every role session has: session tags and a source identity. */
export interface SessionAttributes {
  tags: Record<string, string>;
  transitiveTagKeys: string[];
  sourceIdentity: string | undefined;
}

const MAX_TAGS = 50;
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u;
const SOURCE_IDENTITY = /^[\w+=,.@-]{2,64}$/;

/** Reads `Tags.member.N.Key/Value`, `TransitiveTagKeys.member.N` and `SourceIdentity` as STS checks them. */
export function readSessionAttributes(params: URLSearchParams): SessionAttributes {
  const tags: Record<string, string> = {};
  for (let n = 1; params.has(`Tags.member.${n}.Key`); n++) {
    if (n > MAX_TAGS) throw validationError(String(n), 'tags', `Member must have length less than or equal to ${MAX_TAGS}`);
    const key = params.get(`Tags.member.${n}.Key`)!;
    const value = params.get(`Tags.member.${n}.Value`) ?? '';
    if (!TAG_KEY.test(key) || key.toLowerCase().startsWith('aws:')) throw validationError(key, `tags.${n}.member.key`, 'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+ and have length between 1 and 128');
    if (!TAG_VALUE.test(value)) throw validationError(value, `tags.${n}.member.value`, 'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]* and have length less than or equal to 256');
    // STS compares tag keys case-insensitively: two spellings of one key are one key given twice.
    if (Object.keys(tags).some((existing) => existing.toLowerCase() === key.toLowerCase())) throw new AwsApiError('InvalidParameterValue', 400, 'Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    tags[key] = value;
  }
  const transitiveTagKeys: string[] = [];
  for (let n = 1; params.has(`TransitiveTagKeys.member.${n}`); n++) {
    const key = params.get(`TransitiveTagKeys.member.${n}`)!;
    if (!Object.keys(tags).some((tag) => tag.toLowerCase() === key.toLowerCase())) throw new AwsApiError('InvalidParameterValue', 400, `The specified transitive tag key ${key} must be included in the requested tags.`);
    transitiveTagKeys.push(key);
  }
  const sourceIdentity = params.get('SourceIdentity') ?? undefined;
  if (sourceIdentity !== undefined && (!SOURCE_IDENTITY.test(sourceIdentity) || sourceIdentity.toLowerCase().startsWith('aws:'))) {
    throw validationError(sourceIdentity, 'sourceIdentity', 'Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64');
  }
  return { tags, transitiveTagKeys, sourceIdentity };
}

/** The condition keys an AssumeRole request offers its trust policy. */
export function assumeRoleConditionKeys(caller: { roleArn: string }, attributes: SessionAttributes, sessionName: string): Record<string, KeyValue> {
  return {
    'aws:PrincipalArn': caller.roleArn,
    // Multivalued: trust policies bound the tag keys with ForAllValues:, and require some with ForAnyValue:.
    'aws:TagKeys': Object.keys(attributes.tags),
    'sts:RoleSessionName': sessionName,
    'sts:SourceIdentity': attributes.sourceIdentity,
    ...Object.fromEntries(Object.entries(attributes.tags).map(([key, value]) => [`aws:RequestTag/${key}`, value])),
  };
}

/** The permissions an AssumeRole request needs of the trust policy: the tags and the source identity each need their own. */
export function assumeRoleActions(attributes: SessionAttributes): string[] {
  return ['sts:AssumeRole', ...(Object.keys(attributes.tags).length > 0 ? ['sts:TagSession'] : []), ...(attributes.sourceIdentity === undefined ? [] : ['sts:SetSourceIdentity'])];
}
