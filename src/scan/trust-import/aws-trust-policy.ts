import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { policyYaml, quoteRe2, type ClaimValue, type ImportedPolicy, type ImportedRule } from './policy-yaml.ts';

const WEB_IDENTITY = 'sts:assumerolewithwebidentity';
const PROVIDER_ARN = /^arn:aws[\w-]*:iam::(\d{12}):oidc-provider\/(.+)$/;

export interface ImportResult {
  policy: string;
  /** Every condition or statement that could not be carried over, and what was done instead. */
  notes: string[];
}

interface Statement {
  Sid?: unknown;
  Effect?: unknown;
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Condition?: unknown;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A policy that decides as an IAM trust policy does for web identity: an allow rule per Allow
 * statement and a deny rule per Deny statement, per OIDC provider it trusts, with the StringEquals and
 * StringLike tests on that provider's claims. Whatever else a statement says cannot be carried over,
 * and the policy never admits more for it: an Allow statement with such a condition is left out, a
 * Deny statement keeps the rest of its conditions (denying more). Each is said in the notes.
 */
export function importAwsTrustPolicy(text: string, file: string, role: string | undefined): ImportResult {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new BrokerError(ErrorCode.InputInvalid, `${file} is not JSON: ${(error as Error).message}.`, { hint: 'Give the trust policy document, as `aws iam get-role --query Role.AssumeRolePolicyDocument` prints it.' });
  }
  if (!isRecord(document) || list(document.Statement).length === 0) throw new BrokerError(ErrorCode.InputInvalid, `${file} has no Statement.`, { hint: 'Give an IAM policy document: {"Version": "2012-10-17", "Statement": [...]}.' });
  const notes: string[] = [];
  const rules: ImportedRule[] = [];
  const issuers: string[] = [];
  let account: string | undefined;
  list(document.Statement).forEach((raw, index) => {
    const statement = (isRecord(raw) ? raw : {}) as Statement;
    const label = typeof statement.Sid === 'string' && statement.Sid !== '' ? statement.Sid : `statement-${index + 1}`;
    const effect = statement.Effect === 'Deny' ? 'deny' : statement.Effect === 'Allow' ? 'allow' : undefined;
    const skip = (why: string): void => void notes.push(`Statement ${label} is not carried over: ${why}.`);
    if (effect === undefined) return skip('its Effect is neither Allow nor Deny');
    if (statement.NotPrincipal !== undefined || statement.NotAction !== undefined) return skip('NotPrincipal and NotAction have no equivalent in a policy');
    const actions = list(statement.Action).map((action) => String(action).toLowerCase());
    if (!actions.some((action) => action === WEB_IDENTITY || action === 'sts:*' || action === '*')) return skip('it is not about sts:AssumeRoleWithWebIdentity');
    const providers = list(isRecord(statement.Principal) ? statement.Principal.Federated : undefined).map(String);
    const oidc = providers.flatMap((arn) => {
      const match = PROVIDER_ARN.exec(arn);
      return match ? [{ account: match[1]!, prefix: match[2]! }] : [];
    });
    if (oidc.length === 0) return skip('its principal is no OIDC identity provider');
    for (const provider of oidc) {
      account ??= provider.account;
      const issuer = `https://${provider.prefix}`;
      if (!issuers.includes(issuer)) issuers.push(issuer);
      const converted = conditions(statement.Condition, provider.prefix, label, effect, notes);
      if (converted === undefined) continue;
      if (converted.size === 0 && effect === 'deny') {
        notes.push(`Deny statement ${label} has no condition left that a rule can state, so it is not carried over; the broker admits what it denied.`);
        continue;
      }
      rules.push({ name: label, effect, issuer, match: converted });
    }
  });
  if (!rules.some((rule) => rule.effect === 'allow')) throw new BrokerError(ErrorCode.InputInvalid, `${file} allows no OIDC provider's tokens that a policy can state.`, { hint: notes.join(' ') || 'Give the trust policy of a role that CI jobs assume with web identity.' });
  const audiences = sharedAudiences(rules);
  for (const rule of rules) {
    if (audiences.length > 0 && rule.effect === 'allow') rule.match.delete('aud');
    if (issuers.length === 1) rule.issuer = undefined;
  }
  const grantRole = role ?? `arn:aws:iam::${account}:role/TODO`;
  const policy: ImportedPolicy = { issuers, audiences, rules, grant: { text: `{aws: {roles: [${JSON.stringify(grantRole)}]}}`, todo: role === undefined ? 'the role this trust policy belongs to (--role)' : undefined }, origin: file };
  return { policy: policyYaml(policy), notes };
}

/** The audience every allow rule requires exactly, when they agree: the policy's `audiences:`. */
function sharedAudiences(rules: readonly ImportedRule[]): string[] {
  const sets = rules.filter((rule) => rule.effect === 'allow').map((rule) => rule.match.get('aud'));
  const first = sets[0];
  if (!first || !('equals' in first)) return [];
  const same = sets.every((set) => set !== undefined && 'equals' in set && set.equals.length === first.equals.length && set.equals.every((value) => first.equals.includes(value)));
  return same ? [...first.equals] : [];
}

/**
 * A statement's conditions on one provider's keys as claim tests; undefined when an Allow statement has
 * a condition that cannot be stated (it is then left out rather than widened).
 */
function conditions(block: unknown, prefix: string, label: string, effect: 'allow' | 'deny', notes: string[]): Map<string, ClaimValue> | undefined {
  const match = new Map<string, ClaimValue>();
  const lost: string[] = [];
  for (const [operator, tests] of Object.entries(isRecord(block) ? block : {})) {
    for (const [key, raw] of Object.entries(isRecord(tests) ? tests : {})) {
      const values = list(raw).map(String);
      const claim = key.toLowerCase().startsWith(`${prefix.toLowerCase()}:`) ? key.slice(prefix.length + 1) : undefined;
      const value = claim === undefined ? undefined : operator === 'StringEquals' ? equalsValue(values) : operator === 'StringLike' ? likeValue(values) : undefined;
      if (claim === undefined || value === undefined || match.has(claim)) lost.push(`${operator} on ${key}`);
      else match.set(claim, value);
    }
  }
  if (lost.length === 0) return match;
  if (effect === 'allow') {
    notes.push(`Allow statement ${label} is left out: a policy cannot state ${lost.join(', ')}, and leaving a condition out would admit more.`);
    return undefined;
  }
  notes.push(`Deny statement ${label} is carried over without ${lost.join(', ')}, which a policy cannot state: the rule denies more than the statement did.`);
  return match;
}

/** StringEquals values, unless one holds a policy variable, which IAM fills in from the request. */
function equalsValue(values: readonly string[]): ClaimValue | undefined {
  return values.some((value) => value.includes('${')) ? undefined : { equals: [...values] };
}

/**
 * StringLike values as one test: exact values when none has a wildcard, a glob when one pattern has
 * only `*` (IAM's `*` crosses "/", as the glob's `**` does), otherwise a regex. Undefined when a value
 * holds a policy variable, which depends on the request.
 */
function likeValue(values: readonly string[]): ClaimValue | undefined {
  const parsed = values.map(parseLike);
  if (parsed.some((tokens) => tokens === undefined)) return undefined;
  const patterns = parsed as Array<Array<{ literal: string } | { wildcard: '*' | '?' }>>;
  const wild = patterns.some((tokens) => tokens.some((token) => 'wildcard' in token));
  if (!wild) return { equals: patterns.map((tokens) => tokens.map((token) => ('literal' in token ? token.literal : '')).join('')) };
  const only = patterns[0]!;
  if (patterns.length === 1 && only.every((token) => ('wildcard' in token ? token.wildcard === '*' : !token.literal.includes('*')))) {
    return { glob: only.map((token) => ('literal' in token ? token.literal : '**')).join('').replace(/\*{3,}/g, '**').replace(/(\*\*)+/g, '**') };
  }
  const regex = patterns.map((tokens) => tokens.map((token) => ('literal' in token ? quoteRe2(token.literal) : token.wildcard === '*' ? '(?s:.*)' : '(?s:.)')).join(''));
  return { regex: regex.length === 1 ? regex[0]! : regex.map((alternative) => `(?:${alternative})`).join('|') };
}

/** IAM's StringLike value: `*` and `?` wildcards, `${*}`, `${?}` and `${$}` literal; any other `${…}` is a variable. */
function parseLike(value: string): Array<{ literal: string } | { wildcard: '*' | '?' }> | undefined {
  const tokens: Array<{ literal: string } | { wildcard: '*' | '?' }> = [];
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!;
    if (char === '$' && value[index + 1] === '{') {
      const escape = /^\$\{([*?$])\}/.exec(value.slice(index));
      if (!escape) return undefined;
      tokens.push({ literal: escape[1]! });
      index += escape[0].length - 1;
    } else if (char === '*' || char === '?') tokens.push({ wildcard: char });
    else tokens.push({ literal: char });
  }
  return tokens;
}
