import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { oidcProviderKeyPrefix } from '../../providers/aws/oidc-provider.ts';
import type { Condition, Policy, PolicyRule } from '../types.ts';

/**
 * GitHub claims that AWS STS exposes as condition keys (`<issuer host>:<claim>`) besides `sub` and `aud`,
 * since STS began validating provider-specific claims in 2026.
 */
export const AWS_GITHUB_CONDITION_CLAIMS = ['sub', 'actor', 'actor_id', 'job_workflow_ref', 'repository', 'repository_id', 'workflow', 'ref', 'environment', 'enterprise_id'];

type ConditionBlock = Record<'StringEquals' | 'StringLike', Record<string, string | string[]>>;
interface TrustStatement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Principal: { Federated: string };
  Action: 'sts:AssumeRoleWithWebIdentity';
  Condition: Partial<ConditionBlock>;
}
export interface TrustPolicyDocument {
  Version: '2012-10-17';
  Statement: TrustStatement[];
}

export interface AwsTrustPolicyExport {
  roleArn: string;
  document: TrustPolicyDocument;
  /** What the trust policy cannot enforce that the broker policy does. */
  notes: string[];
}

/**
 * The IAM trust policy that makes AWS itself enforce a policy's rules for one role: an Allow statement
 * per allow rule that grants the role, and a Deny statement per deny rule that AWS can express exactly.
 * Claims without an AWS condition key are left to the broker and listed in the notes.
 */
export function exportAwsTrustPolicy(policy: Policy, options: { rule?: string | undefined; role?: string | undefined } = {}): AwsTrustPolicyExport {
  const selected = options.rule === undefined ? policy.rules : policy.rules.filter((rule) => rule.name === options.rule);
  if (options.rule !== undefined && selected.length === 0) throw usage(`The policy has no rule named "${options.rule}".`, `Use one of: ${policy.rules.map((r) => r.name).join(', ')}.`);
  const roleArn = chooseRole(selected, options.role);
  const account = /^arn:aws[\w-]*:iam::(\d{12}):role\//.exec(roleArn)![1]!;
  const audiences = policy.audiences.length > 0 ? [...policy.audiences] : ['sts.amazonaws.com'];
  const notes: string[] = policy.audiences.length > 0 ? [] : ['The policy names no audience; the trust policy requires sts.amazonaws.com.'];
  const statements: TrustStatement[] = [];
  for (const issuer of policy.issuers) {
    const prefix = oidcProviderKeyPrefix(issuer);
    const principal = { Federated: `arn:aws:iam::${account}:oidc-provider/${prefix}` };
    const appliesHere = (rule: PolicyRule): boolean => rule.conditions.every((c) => c.claim !== 'iss' || (c.matcher.kind === 'equals' && c.matcher.values.includes(issuer)));
    for (const rule of policy.rules.filter((r) => r.effect === 'deny' && appliesHere(r))) {
      const conditions = translate(rule, prefix);
      if (conditions.untranslated.length > 0) {
        notes.push(`Deny rule "${rule.name}" is not in the trust policy: AWS has no exact condition for ${conditions.untranslated.join(', ')}; only the broker enforces it.`);
        continue;
      }
      statements.push({ Sid: sid('Deny', rule, issuer, policy), Effect: 'Deny', Principal: principal, Action: 'sts:AssumeRoleWithWebIdentity', Condition: conditions.block });
    }
    for (const rule of selected.filter((r) => r.effect === 'allow' && appliesHere(r) && r.grant?.aws?.roles.includes(roleArn))) {
      const conditions = translate(rule, prefix);
      (conditions.block.StringEquals ??= {})[`${prefix}:aud`] = audiences.length === 1 ? audiences[0]! : audiences;
      if (conditions.untranslated.length > 0) notes.push(`Rule "${rule.name}": AWS cannot check ${conditions.untranslated.join(', ')}; the trust policy is broader there, and only the broker enforces it.`);
      notes.push(...conditions.broader.map((claim) => `Rule "${rule.name}": the ${claim} glob becomes an IAM wildcard, where * also crosses "/" and ? stands for any character.`));
      statements.push({ Sid: sid('Allow', rule, issuer, policy), Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRoleWithWebIdentity', Condition: conditions.block });
    }
  }
  return { roleArn, document: { Version: '2012-10-17', Statement: statements }, notes: [...new Set(notes)] };
}

function chooseRole(rules: readonly PolicyRule[], requested: string | undefined): string {
  const roles = [...new Set(rules.flatMap((rule) => (rule.effect === 'allow' ? (rule.grant?.aws?.roles ?? []) : [])))];
  if (requested !== undefined) {
    if (!roles.includes(requested)) throw usage(`No selected rule grants the role ${requested}.`, roles.length > 0 ? `Roles granted: ${roles.join(', ')}.` : 'Select a rule that has an AWS grant.');
    return requested;
  }
  if (roles.length === 1) return roles[0]!;
  if (roles.length === 0) throw usage('No selected rule grants an AWS role.', 'Select a rule with `grant: aws:`.');
  throw usage(`The selected rules grant several roles: ${roles.join(', ')}.`, 'A trust policy belongs to one role: choose it with --role.');
}

interface Translation {
  block: Partial<ConditionBlock>;
  /** Claims AWS cannot check at all. */
  untranslated: string[];
  /** Claims checked less strictly than the broker checks them. */
  broader: string[];
}

function translate(rule: PolicyRule, prefix: string): Translation {
  const result: Translation = { block: {}, untranslated: [], broader: [] };
  const put = (operator: 'StringEquals' | 'StringLike', claim: string, values: readonly string[]): void => {
    (result.block[operator] ??= {})[`${prefix}:${claim}`] = values.length === 1 ? values[0]! : [...values];
  };
  for (const condition of rule.conditions) {
    // The issuer is the statement's principal, one OIDC provider per issuer.
    if (condition.claim === 'iss') continue;
    if (!AWS_GITHUB_CONDITION_CLAIMS.includes(condition.claim) || condition.matcher.kind === 'regex') {
      if (condition.claim !== 'repository_owner') result.untranslated.push(condition.matcher.kind === 'regex' ? `the regex on ${condition.claim}` : condition.claim);
      continue;
    }
    if (condition.matcher.kind === 'equals') put('StringEquals', condition.claim, condition.matcher.values);
    else {
      const pattern = condition.matcher.pattern.replace(/\*\*/g, '*');
      if (/\*[^*]*\//.test(condition.matcher.pattern.replace(/\*\*/g, '')) || pattern.includes('?')) result.broader.push(condition.claim);
      put('StringLike', condition.claim, [pattern]);
    }
  }
  // An Allow must bind the subject (IAM's advice, and the trust lint's first check); a Deny need not.
  if (rule.effect === 'allow' && !rule.conditions.some((c) => c.claim === 'sub')) {
    const sub = subjectCondition(rule);
    if (sub) put(sub.operator, 'sub', sub.values);
    else result.untranslated.push('a repository binding for sub');
  }
  return result;
}

/**
 * A `sub` condition implied by the rule's repository (or owner) and environment, so that every
 * statement binds the subject as IAM recommends: `repo:OWNER/REPO:environment:ENV` when both are
 * exact, `repo:OWNER/REPO:*` or `repo:OWNER/*` otherwise.
 */
function subjectCondition(rule: PolicyRule): { operator: 'StringEquals' | 'StringLike'; values: string[] } | undefined {
  const exact = (claim: string): readonly string[] | undefined => {
    const condition: Condition | undefined = rule.conditions.find((c) => c.claim === claim);
    return condition?.matcher.kind === 'equals' ? condition.matcher.values : undefined;
  };
  const repositories = exact('repository');
  const environments = exact('environment');
  if (repositories && environments) return { operator: 'StringEquals', values: repositories.flatMap((r) => environments.map((e) => `repo:${r}:environment:${e}`)) };
  if (repositories) return { operator: 'StringLike', values: repositories.map((r) => `repo:${r}:*`) };
  const owners = exact('repository_owner');
  return owners ? { operator: 'StringLike', values: owners.map((o) => `repo:${o}/*`) } : undefined;
}

function sid(effect: string, rule: PolicyRule, issuer: string, policy: Policy): string {
  const suffix = policy.issuers.length > 1 ? String(policy.issuers.indexOf(issuer) + 1) : '';
  return `${effect}${rule.name.replace(/[^A-Za-z0-9]/g, '')}${suffix}`;
}

function usage(message: string, hint: string): BrokerError {
  return new BrokerError(ErrorCode.InputInvalid, message, { hint });
}
