import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { LIST_CLAIMS } from '../../oidc/ci-systems.ts';
import { awsConditionKeys, SUBJECT_CLAIMS } from '../../providers/aws/condition-keys.ts';
import { oidcProviderKeyPrefix } from '../../providers/aws/oidc-provider.ts';
import { matches } from '../matchers.ts';
import type { Condition, Policy, PolicyRule } from '../types.ts';

type Operator = 'StringEquals' | 'StringLike';
type ConditionBlock = Partial<Record<Operator, Record<string, string | string[]>>>;
interface TrustStatement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Principal: { Federated: string };
  Action: 'sts:AssumeRoleWithWebIdentity';
  Condition: ConditionBlock;
}
export interface TrustPolicyDocument {
  Version: '2012-10-17';
  Statement: TrustStatement[];
}

/** Where the trust policy admits more than the policy: a condition it leaves out, or a deny rule. */
export interface Widening {
  rule: string;
  issuer: string;
  /** The claims whose conditions AWS does not check (`aud` for the policy's audiences); for a deny rule left out, all of its claims. */
  claims: string[];
  message: string;
}

export interface AwsTrustPolicyExport {
  roleArn: string;
  document: TrustPolicyDocument;
  /** Where the trust policy differs from the policy without admitting more. */
  notes: string[];
  /** Empty unless asked for with `allowBroader`: otherwise any widening refuses the export. */
  widenings: Widening[];
}

export interface AwsTrustPolicyOptions {
  rule?: string | undefined;
  role?: string | undefined;
  /** Export even where AWS cannot check a rule exactly, listing every widening, rather than refuse. */
  allowBroader?: boolean | undefined;
}

// AWS sets accounts.google.com:aud from the token's azp when it has one, so it is not the audience the broker checks.
const AUDIENCE_IS_NOT_AUD = new Set(['accounts.google.com']);

/**
 * The IAM trust policy that makes AWS itself enforce a policy's rules for one role: an Allow statement
 * per allow rule that grants the role and a Deny statement per deny rule, per issuer, on the condition
 * keys AWS's own reference lists for that issuer. The trust policy never admits more than the policy:
 * where AWS cannot check a rule exactly the export is refused, unless `allowBroader` asks for it with
 * every widening listed. Every Allow statement binds the subject or an id exactly, whatever is asked.
 */
export function exportAwsTrustPolicy(policy: Policy, options: AwsTrustPolicyOptions = {}): AwsTrustPolicyExport {
  const selected = options.rule === undefined ? policy.rules : policy.rules.filter((rule) => rule.name === options.rule);
  if (options.rule !== undefined && selected.length === 0) throw usage(`The policy has no rule named "${options.rule}".`, `Use one of: ${policy.rules.map((r) => r.name).join(', ')}.`);
  const roleArn = chooseRole(selected, options.role);
  const account = /^arn:aws[\w-]*:iam::(\d{12}):role\//.exec(roleArn)![1]!;
  const audiences = policy.audiences.length > 0 ? [...policy.audiences] : ['sts.amazonaws.com'];
  const notes: string[] = policy.audiences.length > 0 ? [] : ['The policy names no audience; the trust policy requires sts.amazonaws.com.'];
  const widenings: Widening[] = [];
  const statements: TrustStatement[] = [];
  for (const issuer of policy.issuers) {
    const prefix = oidcProviderKeyPrefix(issuer);
    const principal = { Federated: `arn:aws:iam::${account}:oidc-provider/${prefix}` };
    const appliesHere = (rule: PolicyRule): boolean => rule.conditions.every((c) => c.claim !== 'iss' || matches(c.matcher, issuer));
    for (const rule of policy.rules.filter((r) => r.effect === 'deny' && appliesHere(r))) {
      const { tests, inexact } = translate(rule.conditions, prefix);
      // Leaving a condition out of a Deny would deny more than the rule: the rule is exported whole or not at all.
      for (const { claim } of tests.filter((test) => test.wildcard)) {
        inexact.push({ claim, reason: `IAM does not document whether its * matches a line break (an independent IAM evaluator's does not), so a ${claim} with one could escape the deny` });
      }
      if (inexact.length > 0) {
        widenings.push({ rule: rule.name, issuer, claims: rule.conditions.map((c) => c.claim), message: `Deny rule "${rule.name}" is left to the broker for ${prefix}: ${reasons(inexact)}.` });
        continue;
      }
      statements.push({ Sid: sid('Deny', rule, issuer, policy), Effect: 'Deny', Principal: principal, Action: 'sts:AssumeRoleWithWebIdentity', Condition: conditionBlock(prefix, tests) });
    }
    for (const rule of selected.filter((r) => r.effect === 'allow' && appliesHere(r) && r.grant?.aws?.roles.includes(roleArn))) {
      // The token's aud must be one of the audiences and meet the rule's own aud conditions: one test on the audiences that do.
      const admitted = audiences.filter((audience) => rule.conditions.every((c) => c.claim !== 'aud' || matches(c.matcher, audience)));
      if (admitted.length === 0) {
        notes.push(`Rule "${rule.name}" is not in the trust policy: it admits none of the policy's audiences, so it never matches.`);
        continue;
      }
      const { tests, inexact } = translate([...rule.conditions.filter((c) => c.claim !== 'aud'), { claim: 'aud', matcher: { kind: 'equals', values: admitted } }], prefix);
      if (!tests.some((test) => !test.wildcard && SUBJECT_CLAIMS.has(test.claim))) throw unbound(rule, prefix, inexact);
      if (inexact.length > 0) widenings.push({ rule: rule.name, issuer, claims: inexact.map((i) => i.claim), message: `Rule "${rule.name}" is broader for ${prefix}, where only the broker checks these: ${reasons(inexact)}.` });
      statements.push({ Sid: sid('Allow', rule, issuer, policy), Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRoleWithWebIdentity', Condition: conditionBlock(prefix, tests) });
    }
  }
  if (widenings.length > 0 && !options.allowBroader) {
    throw new BrokerError(ErrorCode.ExportInexact, `AWS cannot enforce the policy exactly for ${roleArn}; the trust policy would admit more than the policy:\n${widenings.map((w) => `- ${w.message}`).join('\n')}`, {
      hint: 'Bind what AWS checks for the issuer (exact values, `**` globs, no regexes), or pass --allow-broader to print the trust policy anyway and leave the listed conditions to the broker alone.',
    });
  }
  return { roleArn, document: { Version: '2012-10-17', Statement: statements }, notes: [...new Set(notes)], widenings };
}

export function chooseRole(rules: readonly PolicyRule[], requested: string | undefined): string {
  const roles = [...new Set(rules.flatMap((rule) => (rule.effect === 'allow' ? (rule.grant?.aws?.roles ?? []) : [])))];
  if (requested !== undefined) {
    if (!roles.includes(requested)) throw usage(`No selected rule grants the role ${requested}.`, roles.length > 0 ? `Roles granted: ${roles.join(', ')}.` : 'Select a rule that has an AWS grant.');
    return requested;
  }
  if (roles.length === 1) return roles[0]!;
  if (roles.length === 0) throw usage('No selected rule grants an AWS role.', 'Select a rule with `grant: aws:`.');
  throw usage(`The selected rules grant several roles: ${roles.join(', ')}.`, 'A trust policy belongs to one role: choose it with --role.');
}

export interface Test {
  operator: Operator;
  claim: string;
  values: readonly string[];
  /** Whether a value has an IAM wildcard (`*`), beyond the escapes of literal characters. */
  wildcard: boolean;
}
interface Inexact {
  claim: string;
  reason: string;
}

/** Conditions as IAM tests, and those IAM cannot state exactly, which are left out. */
function translate(conditions: ReadonlyArray<Pick<Condition, 'claim' | 'matcher'>>, prefix: string): { tests: Test[]; inexact: Inexact[] } {
  const keys = awsConditionKeys(prefix);
  const tests: Test[] = [];
  const inexact: Inexact[] = [];
  for (const { claim, matcher } of conditions) {
    // The issuer is the statement's principal, one OIDC provider per issuer.
    if (claim === 'iss') continue;
    const type = keys.get(claim);
    const test = matcher.kind === 'equals' ? equalsTest(claim, matcher.values) : matcher.kind === 'glob' ? globTest(claim, matcher.pattern) : undefined;
    if (type === undefined) inexact.push({ claim, reason: `AWS does not evaluate ${claim} for this issuer` });
    else if (claim === 'aud' && AUDIENCE_IS_NOT_AUD.has(prefix)) inexact.push({ claim, reason: `AWS's ${prefix}:aud is the token's azp when it has one, not its audience` });
    else if (type !== 'String' || LIST_CLAIMS.has(claim)) inexact.push({ claim, reason: `AWS's ${claim} key is of type ${type}, where the broker compares ${LIST_CLAIMS.has(claim) ? 'a list of strings' : 'a string'}` });
    else if (test === undefined) inexact.push({ claim, reason: matcher.kind === 'regex' ? `IAM has no regular expressions (the regex on ${claim})` : `IAM's * also crosses "/", where the glob's * on ${claim} stops` });
    else tests.push(test);
  }
  return { tests, inexact };
}

/**
 * Exact values as an IAM test: StringEquals, unless a value holds `${`, which IAM would read as a policy
 * variable there. Evaluators disagree on whether StringEquals honours IAM's escapes, while StringLike's
 * are documented, so such values go to StringLike, escaped.
 */
export function equalsTest(claim: string, values: readonly string[]): Test {
  return values.some((value) => value.includes('${')) ? { operator: 'StringLike', claim, values: values.map(likeLiteral), wildcard: false } : { operator: 'StringEquals', claim, values, wildcard: false };
}

/**
 * A glob as an IAM test, when IAM can state it exactly: `**` is IAM's `*`; a lone `*`, which must not
 * cross "/", has no IAM equivalent. Without any wildcard the glob is one exact value.
 */
export function globTest(claim: string, pattern: string): Test | undefined {
  const parts = pattern.split('**');
  if (parts.some((part) => part.includes('*'))) return undefined;
  return parts.length === 1 ? equalsTest(claim, [pattern]) : { operator: 'StringLike', claim, values: [parts.map(likeLiteral).join('*')], wildcard: true };
}

/** Text that StringLike matches literally: `${$}`, `${*}` and `${?}` are IAM's `$`, `*` and `?` there. */
function likeLiteral(text: string): string {
  return text.replace(/\$\{|[*?]/g, (special) => (special === '${' ? '${$}{' : `\${${special}}`));
}

/** The tests, one per claim, as an IAM Condition. */
function conditionBlock(prefix: string, tests: readonly Test[]): ConditionBlock {
  const block: ConditionBlock = {};
  for (const { operator, claim, values } of tests) (block[operator] ??= {})[`${prefix}:${claim}`] = values.length === 1 ? values[0]! : [...values];
  return block;
}

function reasons(inexact: readonly Inexact[]): string {
  return inexact.map((i) => i.reason).join('; ');
}

function unbound(rule: PolicyRule, prefix: string, inexact: readonly Inexact[]): BrokerError {
  const lost = inexact.filter((i) => SUBJECT_CLAIMS.has(i.claim));
  return new BrokerError(ErrorCode.ExportInexact, `Rule "${rule.name}" pins no sub or id that AWS checks exactly for ${prefix}${lost.length > 0 ? ` (${reasons(lost)})` : ''}: every Allow statement of the trust policy must, so that neither a name re-registered elsewhere nor a pattern admits another repository or project.`, {
    hint: `Match an exact sub, or an exact id that AWS evaluates for the issuer: ${[...SUBJECT_CLAIMS].filter((claim) => awsConditionKeys(prefix).has(claim)).join(', ')}.`,
  });
}

function sid(effect: string, rule: PolicyRule, issuer: string, policy: Policy): string {
  const suffix = policy.issuers.length > 1 ? String(policy.issuers.indexOf(issuer) + 1) : '';
  return `${effect}${rule.name.replace(/[^A-Za-z0-9]/g, '')}${suffix}`;
}

function usage(message: string, hint: string): BrokerError {
  return new BrokerError(ErrorCode.InputInvalid, message, { hint });
}
