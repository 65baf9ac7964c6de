import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { REVOKER_ACTIONS } from '../../providers/aws/session-denial.ts';
import { identityTagKeys, taggedClaims } from '../../service/job-identity.ts';
import { sessionTags } from '../../service/session-tags.ts';
import { matches } from '../matchers.ts';
import type { Condition, Policy, PolicyRule } from '../types.ts';
import { chooseRole, equalsTest, globTest, type Test } from './aws-trust-policy.ts';

/** What the broker asks of STS for every session: its tags and its source identity need their own permissions. */
export const BROKER_MINT_ACTIONS = ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'] as const;

type ConditionBlock = Record<string, Record<string, string | string[]>>;
interface BrokerTrustStatement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Principal: { AWS: string };
  Action: string[];
  Condition: ConditionBlock;
}
interface PermissionStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string[];
}

export interface AwsBrokerTrustExport {
  roleArn: string;
  /** The target role's trust policy: the broker's role only, for sessions tagged as the rules require. */
  trustPolicy: { Version: '2012-10-17'; Statement: BrokerTrustStatement[] };
  /** The broker role's own permissions: minting on the roles the rules grant, and denying their sessions. */
  brokerPermissions: { Version: '2012-10-17'; Statement: PermissionStatement[] };
  notes: string[];
}

export interface AwsBrokerTrustOptions {
  brokerRole: string;
  rule?: string | undefined;
  role?: string | undefined;
}

// STS tag values hold at most this many characters; the broker cuts longer claims there.
const MAX_TAG_VALUE = 256;

/**
 * The trust a target role gives the broker: sts:AssumeRole with tags and a source identity, from the
 * broker's role alone, under conditions on the session tags the broker writes from verified claims. A
 * rule is stated in tags exactly or not at all: a claim the broker does not tag, a regex, or a value
 * the tag's character set would blur refuses the export, since the role would then admit more than the
 * rule. Deny rules become Deny statements on the same terms.
 */
export function exportAwsBrokerTrust(policy: Policy, options: AwsBrokerTrustOptions): AwsBrokerTrustExport {
  if (!/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(options.brokerRole)) {
    throw new BrokerError(ErrorCode.InputInvalid, `--broker-role ${options.brokerRole} is not an IAM role ARN.`, { hint: 'Give the ARN of the role the broker runs as: arn:aws:iam::<account>:role/<name>.' });
  }
  const selected = options.rule === undefined ? policy.rules : policy.rules.filter((rule) => rule.name === options.rule);
  if (options.rule !== undefined && selected.length === 0) {
    throw new BrokerError(ErrorCode.InputInvalid, `The policy has no rule named "${options.rule}".`, { hint: `Use one of: ${policy.rules.map((r) => r.name).join(', ')}.` });
  }
  const roleArn = chooseRole(selected, options.role);
  const principal = { AWS: options.brokerRole };
  const statements: BrokerTrustStatement[] = [];
  const problems: string[] = [];
  for (const rule of policy.rules.filter((r) => r.effect === 'deny')) {
    const { block, inexact } = tagConditions(rule, policy);
    if (inexact.length > 0) problems.push(`deny rule "${rule.name}": ${inexact.join('; ')} (a Deny stated partly would refuse more than the rule)`);
    else statements.push({ Sid: `Deny${sid(rule)}`, Effect: 'Deny', Principal: principal, Action: [...BROKER_MINT_ACTIONS], Condition: block });
  }
  for (const rule of selected.filter((r) => r.effect === 'allow' && r.grant?.aws?.roles.includes(roleArn))) {
    const { block, inexact, pinned } = tagConditions(rule, policy);
    if (inexact.length > 0) problems.push(`rule "${rule.name}": ${inexact.join('; ')}`);
    else if (!pinned) problems.push(`rule "${rule.name}" binds no repository or owner id exactly, so its statement would admit other repositories`);
    const keys = [...new Set(issuersOf(rule, policy).flatMap(taggedClaims))].sort();
    statements.push({
      Sid: `Allow${sid(rule)}`,
      Effect: 'Allow',
      Principal: principal,
      Action: [...BROKER_MINT_ACTIONS],
      // The broker tags only these keys, and always names the repository and run as the source identity.
      Condition: { ...block, 'ForAllValues:StringEquals': { 'aws:TagKeys': keys }, Null: { 'sts:SourceIdentity': 'false' } },
    });
  }
  if (problems.length > 0) {
    throw new BrokerError(ErrorCode.ExportInexact, `The trust policy of ${roleArn} cannot state the policy in session tags exactly:\n${problems.map((p) => `- ${p}`).join('\n')}`, {
      hint: 'Match claims the broker writes as session tags (repository_id, repository_owner_id, ref, environment, job_workflow_ref, event_name and their equivalents) with exact values or globs ending in **, without "_" or characters tags cannot hold.',
    });
  }
  const roles = [...new Set(selected.flatMap((rule) => (rule.effect === 'allow' ? (rule.grant?.aws?.roles ?? []) : [])))].sort();
  return {
    roleArn,
    trustPolicy: { Version: '2012-10-17', Statement: statements },
    brokerPermissions: {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'MintSessions', Effect: 'Allow', Action: [...BROKER_MINT_ACTIONS], Resource: roles },
        { Sid: 'DenySessions', Effect: 'Allow', Action: [...REVOKER_ACTIONS], Resource: roles },
      ],
    },
    notes: [
      `Trust policy of ${roleArn}, and the permissions of the broker's role ${options.brokerRole}.`,
      'The broker may write any inline policy onto these roles (to deny sessions): give each a permissions boundary (policy export --aws-revocation prints one).',
      ...(policy.issuers.length > 1 ? [] : [`Session tags do not carry the issuer; the broker accepts only ${policy.issuers[0]}.`]),
    ],
  };
}

function issuersOf(rule: PolicyRule, policy: Policy): string[] {
  return policy.issuers.filter((issuer) => rule.conditions.every((c) => c.claim !== 'iss' || matches(c.matcher, issuer)));
}

/** The rule's conditions on `aws:RequestTag/…`, what cannot be stated there, and whether an id is bound exactly. */
function tagConditions(rule: PolicyRule, policy: Policy): { block: ConditionBlock; inexact: string[]; pinned: boolean } {
  const issuers = issuersOf(rule, policy);
  const tagged = new Set(issuers.flatMap(taggedClaims));
  const ids = new Set(issuers.flatMap((issuer) => identityTagKeys(issuer).flatMap(({ repository, owner }) => (owner ? [repository, owner] : [repository]))));
  const block: ConditionBlock = {};
  const inexact: string[] = [];
  let pinned = false;
  for (const condition of rule.conditions) {
    if (condition.claim === 'iss') {
      // Tags do not carry the issuer: only a policy with one issuer leaves nothing to tell apart.
      if (policy.issuers.length > 1) inexact.push('session tags do not carry the issuer it names');
      continue;
    }
    if (!tagged.has(condition.claim)) {
      inexact.push(`the broker writes no session tag for ${condition.claim}`);
      continue;
    }
    const test = tagTest(condition);
    if (typeof test === 'string') {
      inexact.push(test);
      continue;
    }
    (block[test.operator] ??= {})[`aws:RequestTag/${condition.claim}`] = test.values.length === 1 ? test.values[0]! : [...test.values];
    if (!test.wildcard && ids.has(condition.claim)) pinned = true;
  }
  return { block, inexact, pinned };
}

/**
 * A condition as an IAM test on its tag, or why it cannot be one. The broker writes characters a tag
 * cannot hold as "_" and cuts values at 256 characters, so a tag value stands for its claim value
 * alone only when it has no "_", needed no change and was not cut; a glob, only when it ends in `**`.
 */
function tagTest(condition: Pick<Condition, 'claim' | 'matcher'>): Test | string {
  const { claim, matcher } = condition;
  if (matcher.kind === 'regex') return `IAM has no regular expressions (the regex on ${claim})`;
  const test = matcher.kind === 'equals' ? equalsTest(claim, matcher.values) : globTest(claim, matcher.pattern);
  if (test === undefined) return `IAM's * also crosses "/", where the glob's * on ${claim} stops`;
  const literals = matcher.kind === 'equals' ? matcher.values : matcher.pattern.split('**');
  const blurred = literals.find((text) => text.includes('_') || text.length >= MAX_TAG_VALUE || sessionTags({ [claim]: text })[0]!.Value !== text);
  if (blurred !== undefined) return `the session tag for ${claim} cannot tell ${JSON.stringify(blurred)} from other values ("_" or a character tags cannot hold, or 256 characters or more)`;
  if (matcher.kind === 'glob' && test.wildcard && !matcher.pattern.endsWith('**')) return `a cut tag value could match the glob on ${claim}, which does not end in **`;
  return test;
}

function sid(rule: PolicyRule): string {
  return rule.name.replace(/[^A-Za-z0-9]/g, '');
}
