import { AWS_ISSUER_CONDITION_KEYS } from './condition-keys.generated.ts';

/**
 * The claims AWS offers for every OIDC provider, documented in the IAM User Guide ("Available keys for
 * AWS OIDC federation") rather than in the per-issuer reference the generated table comes from.
 */
const EVERY_PROVIDER: Readonly<Record<string, string>> = { aud: 'String', sub: 'String' };

/**
 * Claims that say who the job is, by a value its owner cannot choose: the subject, and the numeric ids
 * of the repository or project and of its owner, organisation or pipeline. CircleCI's issuer already
 * names the organisation, so its project id is enough.
 */
export const SUBJECT_CLAIMS: ReadonlySet<string> = new Set(['sub', 'repository_id', 'repository_owner_id', 'project_id', 'namespace_id', 'organization_id', 'pipeline_id', 'oidc.circleci.com/project-id']);

const ISSUER_TEMPLATES = Object.entries(AWS_ISSUER_CONDITION_KEYS).map(([template, claims]) => {
  const source = template
    .split(/\$\{[^}]*\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^./:]+');
  return { pattern: new RegExp(`^${source}$`), claims };
});

/**
 * The claims AWS STS evaluates as `<prefix>:<claim>` condition keys for tokens of the OIDC provider with
 * this key prefix, each with its IAM type (`String`, `Numeric`…). A claim that is not here is not in
 * the request context at all: a condition on it never holds, and its negation always does.
 */
export function awsConditionKeys(prefix: string): ReadonlyMap<string, string> {
  const keys = new Map(Object.entries(EVERY_PROVIDER));
  for (const { pattern, claims } of ISSUER_TEMPLATES) if (pattern.test(prefix)) for (const [claim, type] of Object.entries(claims)) keys.set(claim, type);
  return keys;
}
