import { dirname, relative, resolve, sep } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Scalar, type YAMLMap } from 'yaml';
import generatedValidator from './schema-validator.generated.ts';
import { BrokerError, ErrorCode, isBrokerError, type LocatedProblem, type SourceLocation } from '../errors/broker-error.ts';
import { ciSystemsFor, knownClaim, knownClaimNames } from '../oidc/ci-systems.ts';
import { parseIssuerUrl } from '../oidc/issuer-url.ts';
import { GCP_TOKEN_SECONDS, parseDuration, STS_SESSION_SECONDS } from './duration.ts';
import { directorySource } from './sources/directory-source.ts';
import type { PolicySource } from './sources/policy-source.ts';
import { compileGlob, compileRegex, globProblem, regexProblem } from './matchers.ts';
import { GITHUB_ACTIONS_ISSUER, type Condition, type Grant, type Matcher, type Operator, type Policy, type PolicyRule } from './types.ts';
import { isWithin } from '../util/within.ts';

const DEFAULT_MAX_DURATION_SECONDS = 3600;
const REGEX_HINT = 'Regexes use RE2 syntax, as Google CEL does: no lookaround or backreferences, \\x{e9} rather than \\u00e9, \\pL rather than \\p{Letter}, repeat counts up to 1000.';
const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const FORMAT_HINT = 'The format is described in schema/policy.schema.json and the README.';
const UNKNOWN_CLAIM_HINT =
  'A claim the token does not carry never matches, so a misspelt name silently disables its condition (in a deny rule, the whole rule). Claim names are case-sensitive; list a claim your issuer adds, and every claim of an issuer the broker does not know, under `custom-claims:`.';

type RawClaimValue = string | string[] | { glob: string } | { regex: string };

interface RawRule {
  name: string;
  effect?: 'allow' | 'deny';
  issuer?: string;
  match: Record<string, RawClaimValue>;
  grant?: {
    aws?: { roles: string[]; 'max-duration'?: number | string; 'session-policy'?: string; 'revoke-role'?: string; 'chain-to'?: string[] };
    gcp?: { 'workload-identity-provider': string; 'service-accounts'?: string[]; 'max-lifetime'?: number | string; scopes?: string[]; 'id-token-audiences'?: string[] };
  };
}
type RawOperator = Pick<RawRule, 'name' | 'issuer' | 'match'>;
interface RawPolicy {
  version: 1;
  issuers?: string[];
  audiences?: string[];
  'custom-claims'?: string[];
  rules: RawRule[];
  operators?: RawOperator[];
}

interface Problem {
  path: readonly (string | number)[];
  /** Point at the key rather than its value (for unknown keys). */
  atKey?: boolean;
  /** The kind of problem, for scripts (LocatedProblem's code). */
  code: string;
  message: string;
  /** Said once in the error's hint, however many problems share it. */
  hint?: string | undefined;
}

type Located = Omit<LocatedProblem, 'hint'> & { hint?: string | undefined };

// schema/policy.schema.json, compiled at build time (scripts/generate-policy-validator.ts).
const validator = generatedValidator as unknown as ValidateFunction<RawPolicy>;
function validate(data: unknown): readonly ErrorObject[] {
  return validator(data) ? [] : (validator.errors ?? []);
}

/**
 * Reads the policy at `path` of `source`, and the session-policy files its grants name (paths from the
 * root of the same source: the repository the policy lives in).
 */
export async function loadPolicy(source: PolicySource, path: string): Promise<Policy> {
  const text = await source.read(path);
  const name = source.displayName(path);
  if (text === undefined) {
    throw new BrokerError(ErrorCode.PolicyNotFound, `No policy file at ${name}.`, {
      hint: 'Create it (the default is .github/ci-oidc-broker.yml, on a protected branch), or point the `policy` input at your policy.',
    });
  }
  const policy = parsePolicy(text, name);
  const problems: Located[] = [];
  for (const rule of policy.rules) {
    const sessionPolicy = rule.grant?.aws?.sessionPolicy;
    if (!sessionPolicy) continue;
    const read = await readSessionPolicy(source, sessionPolicy.path);
    if (typeof read === 'string') sessionPolicy.document = read;
    else problems.push({ location: sessionPolicy.location, code: 'session-policy', message: read.problem, hint: SESSION_POLICY_HINT });
  }
  if (problems.length > 0) throw invalid(name, problems);
  return policy;
}

/**
 * A policy on disk, for the CLI and tests. `root` is the repository it belongs to, where session-policy
 * paths start: by default the current directory, or the policy's own folder when it lies outside.
 */
export function loadPolicyFile(path: string, root?: string): Promise<Policy> {
  const absolute = resolve(path);
  const base = root ?? (isWithin(process.cwd(), absolute) ? process.cwd() : dirname(absolute));
  return loadPolicy(directorySource(base), relative(base, absolute).split(sep).join('/'));
}

const SESSION_POLICY_HINT = 'A session policy is a JSON IAM policy document in the policy’s repository, named by its path from the repository root.';

/** The session policy's document, compacted, or what is wrong with it. */
async function readSessionPolicy(source: PolicySource, path: string): Promise<string | { problem: string }> {
  let text: string | undefined;
  try {
    text = await source.read(path);
  } catch (error) {
    if (isBrokerError(error, ErrorCode.PolicySourceInvalid)) return { problem: `the session policy ${path} is outside the policy's repository` };
    throw error;
  }
  if (text === undefined) return { problem: `the session policy ${source.displayName(path)} does not exist` };
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return { problem: `the session policy ${source.displayName(path)} is not valid JSON` };
  }
  if (typeof document !== 'object' || document === null || !('Statement' in document)) return { problem: `the session policy ${source.displayName(path)} has no Statement` };
  // Sent to STS compact, as the service counts the packed size of what it receives.
  return JSON.stringify(document);
}

/**
 * Reads a policy strictly: YAML syntax, then the JSON schema, then what a schema cannot say (unique
 * rule names, grants only on allow rules, duration bounds, claim names the rule's issuer knows). Every
 * problem is reported with its file:line:column, all of them at once: past a YAML syntax error the
 * parser only guesses at what was meant, so what starts after the first one is left to the next run.
 *
 * Claim values must be YAML strings. Token claims such as repository_id are strings ("8429"), and an
 * unquoted 8429 is a YAML number; rather than convert numbers (where 0x10, 1e3 or 007 would silently
 * change meaning) the loader refuses them and asks for quotes.
 */
export function parsePolicy(text: string, source: string): Policy {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): SourceLocation => ({ file: source, ...toLineColumn(lineCounter.linePos(offset)) });
  const found: Located[] = document.errors.map((error) => ({ location: at(error.pos[0]), ...yamlProblem(error.code, error.message) }));
  const syntaxErrors = document.errors.filter((error) => error.code !== 'DUPLICATE_KEY');
  const firstSyntaxError = Math.min(...syntaxErrors.map((error) => error.pos[0]));
  const checkable = (node: Node | null | undefined): boolean => syntaxErrors.length === 0 || (node?.range?.[2] ?? Infinity) < firstSyntaxError;
  for (const key of collapsingKeys(document)) if (checkable(key.node)) found.push({ location: at(key.node.range![0]), code: 'duplicate-key', message: key.message });
  const data = toData(document, syntaxErrors.length > 0);
  if ('problem' in data) found.push({ location: at(data.offset), code: 'yaml-alias', message: data.problem });
  else {
    const schemaErrors = validate(data.value);
    for (const problem of [...collapseAnyOf(schemaErrors).map(describeSchemaError), ...semanticProblems(data.value, schemaErrors)]) {
      const node = nodeOf(document, problem);
      if (checkable(node)) found.push({ location: at(node?.range?.[0] ?? 0), code: problem.code, message: problem.message, hint: problem.hint });
    }
  }
  if (found.length > 0) throw invalid(source, found);
  const raw = (data as { value: RawPolicy }).value;
  return build(raw, source, (path) => at(nodeOf(document, { path, code: '', message: '' })?.range?.[0] ?? 0));
}

function build(raw: RawPolicy, source: string, locate: (path: (string | number)[]) => SourceLocation): Policy {
  const conditionsOf = (entry: RawOperator, at: (string | number)[]): Condition[] => {
    const conditions = Object.entries(entry.match).map(([claim, expected]): Condition => ({ claim, matcher: toMatcher(expected), location: locate([...at, 'match', claim]) }));
    // An issuer is one more condition, on `iss`, checked first and explained like any other.
    if (entry.issuer !== undefined) conditions.unshift({ claim: 'iss', matcher: { kind: 'equals', values: [entry.issuer] }, location: locate([...at, 'issuer']) });
    return conditions;
  };
  const rules = raw.rules.map((rule, index): PolicyRule => {
    const effect = rule.effect ?? 'allow';
    const conditions = conditionsOf(rule, ['rules', index]);
    return { name: rule.name, effect, conditions, grant: effect === 'allow' ? buildGrant(rule.grant, (path) => locate(['rules', index, ...path])) : undefined, location: locate(['rules', index]) };
  });
  const operators = (raw.operators ?? []).map((operator, index): Operator => ({ name: operator.name, conditions: conditionsOf(operator, ['operators', index]), location: locate(['operators', index]) }));
  return { source, issuers: raw.issuers ?? [GITHUB_ACTIONS_ISSUER], audiences: raw.audiences ?? [], rules, operators };
}

function toMatcher(value: RawClaimValue): Matcher {
  if (typeof value === 'string') return { kind: 'equals', values: [value] };
  if (Array.isArray(value)) return { kind: 'equals', values: value };
  return 'glob' in value ? compileGlob(value.glob) : compileRegex(value.regex);
}

function buildGrant(grant: RawRule['grant'], locate: (path: (string | number)[]) => SourceLocation): Grant {
  const aws = grant?.aws;
  const gcp = grant?.gcp;
  const sessionPolicy = aws?.['session-policy'];
  return {
    gcp: gcp && {
      workloadIdentityProvider: gcp['workload-identity-provider'],
      serviceAccounts: gcp['service-accounts'] ?? [],
      maxLifetimeSeconds: gcp['max-lifetime'] === undefined ? GCP_TOKEN_SECONDS.default : parseDuration(gcp['max-lifetime'])!,
      scopes: gcp.scopes ?? [CLOUD_PLATFORM_SCOPE],
      idTokenAudiences: gcp['id-token-audiences'] ?? [],
    },
    aws: aws && {
      roles: aws.roles,
      maxDurationSeconds: aws['max-duration'] === undefined ? DEFAULT_MAX_DURATION_SECONDS : parseDuration(aws['max-duration'])!,
      sessionPolicy: sessionPolicy === undefined ? undefined : { path: sessionPolicy, location: locate(['grant', 'aws', 'session-policy']), document: undefined },
      revokeRole: aws['revoke-role'],
      chainTo: aws['chain-to'] ?? [],
    },
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const stringsIn = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
const dig = (value: unknown, ...keys: string[]): unknown => keys.reduce((inner, key) => (isRecord(inner) ? inner[key] : undefined), value);

/**
 * What a schema cannot say. The rest of the document may be schema-invalid, so each check reads only
 * what it needs, and leaves alone a value the schema has already refused.
 */
function semanticProblems(data: unknown, schemaErrors: readonly ErrorObject[]): Problem[] {
  if (!isRecord(data)) return [];
  const pointer = (path: readonly (string | number)[]): string => path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
  const refused = (path: readonly (string | number)[]): boolean => schemaErrors.some((error) => error.instancePath === pointer(path) || error.instancePath.startsWith(`${pointer(path)}/`));
  // A key the schema does not know may be a misspelt `effect` or `grant`: the rule's intent is then unsure.
  const hasUnknownKey = (path: readonly (string | number)[]): boolean => schemaErrors.some((error) => error.instancePath === pointer(path) && error.keyword === 'additionalProperties');
  const problems: Problem[] = [];
  stringsIn(data.issuers).forEach((issuer, index) => {
    try {
      parseIssuerUrl(issuer);
    } catch (error) {
      problems.push({ path: ['issuers', index], code: 'invalid-issuer', message: `issuer ${JSON.stringify(issuer)}: ${(error as Error).message.replace(/^The issuer "[^"]*" /, '')}` });
    }
  });
  // Which claims a rule may name depends on its issuers and the declared claims: unsure of those, say nothing.
  const issuers = data.issuers === undefined ? [GITHUB_ACTIONS_ISSUER] : refused(['issuers']) ? undefined : stringsIn(data.issuers);
  const declared = refused(['custom-claims']) ? undefined : stringsIn(data['custom-claims']);
  // What rules and operators share: a unique name, an issuer among the policy's, claims its tokens carry.
  const matchProblems = (entry: Record<string, unknown>, at: (...path: (string | number)[]) => (string | number)[]): void => {
    const kind = at()[0] === 'operators' ? 'operator' : 'rule';
    const name = typeof entry.name === 'string' ? JSON.stringify(entry.name) : `#${Number(at()[1]) + 1}`;
    if (typeof entry.issuer === 'string' && issuers && !issuers.includes(entry.issuer)) {
      problems.push({ path: at('issuer'), code: 'unlisted-issuer', message: `${kind} ${name} names the issuer ${JSON.stringify(entry.issuer)}, which is not among the policy's issuers`, hint: 'List every issuer under the top-level `issuers:`, exactly as it appears in the tokens.' });
    }
    const entryIssuers = typeof entry.issuer === 'string' ? [entry.issuer] : issuers;
    for (const [claim, value] of Object.entries(isRecord(entry.match) ? entry.match : {})) {
      const named = entryIssuers && declared && claimNameProblem(claim, entryIssuers, declared);
      if (named) problems.push({ path: at('match', claim), atKey: true, ...named });
      if (!isRecord(value) || refused(at('match', claim))) continue;
      const [pattern, problem] = typeof value.glob === 'string' ? ['glob', globProblem(value.glob)] : typeof value.regex === 'string' ? ['regex', regexProblem(value.regex)] : [];
      if (problem) problems.push({ path: at('match', claim, pattern!), code: 'invalid-pattern', message: `the ${pattern!} for ${claim} ${problem}`, hint: pattern === 'regex' ? REGEX_HINT : undefined });
    }
  };
  const uniqueNames = (section: 'rules' | 'operators', code: string): void => {
    const seen = new Set<string>();
    (Array.isArray(data[section]) ? data[section] : []).forEach((entry: unknown, index) => {
      if (!isRecord(entry) || typeof entry.name !== 'string') return;
      if (seen.has(entry.name)) problems.push({ path: [section, index, 'name'], code, message: `the ${section === 'rules' ? 'rule' : 'operator'} name ${JSON.stringify(entry.name)} is used twice; names must be unique` });
      seen.add(entry.name);
    });
  };
  uniqueNames('rules', 'duplicate-rule-name');
  uniqueNames('operators', 'duplicate-operator-name');
  (Array.isArray(data.operators) ? data.operators : []).forEach((operator: unknown, index) => {
    if (isRecord(operator)) matchProblems(operator, (...path) => ['operators', index, ...path]);
  });
  (Array.isArray(data.rules) ? data.rules : []).forEach((rule: unknown, index) => {
    if (!isRecord(rule)) return;
    const at = (...path: (string | number)[]) => ['rules', index, ...path];
    const name = typeof rule.name === 'string' ? JSON.stringify(rule.name) : `#${index + 1}`;
    const effect = hasUnknownKey(at()) ? undefined : (rule.effect ?? 'allow');
    if (effect === 'deny' && rule.grant !== undefined) problems.push({ path: at('grant'), atKey: true, code: 'grant-on-deny', message: `deny rule ${name} has a grant; deny rules grant nothing` });
    if (effect === 'allow' && rule.grant === undefined) problems.push({ path: at(), code: 'allow-without-grant', message: `allow rule ${name} has no grant; say what it allows under \`grant:\`` });
    matchProblems(rule, at);
    const bounds: Array<[string[], { min: number; max: number }, string]> = [
      [['grant', 'gcp', 'max-lifetime'], GCP_TOKEN_SECONDS, 'max-lifetime %s is not between 1 s and 1h (3600 s)'],
      [['grant', 'aws', 'max-duration'], STS_SESSION_SECONDS, 'max-duration %s is not between 15m (900 s) and 12h (43200 s)'],
    ];
    for (const [path, { min, max }, message] of bounds) {
      const written = dig(rule, ...path);
      if ((typeof written !== 'number' && typeof written !== 'string') || refused(at(...path))) continue;
      const seconds = parseDuration(written);
      if (seconds === undefined || seconds < min || seconds > max) problems.push({ path: at(...path), code: 'duration-out-of-range', message: message.replace('%s', JSON.stringify(written)) });
    }
  });
  return problems;
}

/**
 * A claim that no token of the rule's issuers carries, or never carries as a string: its condition can
 * never hold. Unchecked, `event:` written for `event_name:` in a deny rule passes validation and then
 * refuses nothing.
 */
function claimNameProblem(claim: string, issuers: readonly string[], declared: readonly string[]): Omit<Problem, 'path'> | undefined {
  if (declared.includes(claim)) return undefined;
  const systems = issuers.map((issuer) => ciSystemsFor(issuer));
  const profiles = [...new Set(systems.flat())];
  // An issuer the broker does not model still carries the JWT claims.
  const known = [...profiles, ...(systems.some((list) => list.length === 0) ? [undefined] : [])].flatMap((profile) => knownClaim(profile, claim) ?? []);
  if (known.some((entry) => entry.type === undefined || entry.type === 'list')) return undefined;
  if (known.length > 0) {
    const type = known[0]!.type!;
    const titles = profiles.filter((profile) => knownClaim(profile, claim)).map((profile) => profile.title);
    const carriers = titles.length > 0 ? `${orList(titles)} tokens` : 'tokens';
    return {
      code: 'claim-not-a-string',
      message: `the claim "${claim}" is ${type === 'object' ? 'an object' : `a ${type}`} in ${carriers}, and conditions compare strings: this one would never hold`,
      hint: 'Conditions compare the strings a token carries and never convert a number, boolean or object; match another claim.',
    };
  }
  const family = profiles.find((profile) => profile.customClaims && claim.startsWith(profile.customClaims.prefix))?.customClaims;
  if (family) return { code: 'undeclared-claim', message: `the claim "${claim}" is ${family.what}: declare it under \`custom-claims\``, hint: UNKNOWN_CLAIM_HINT };
  const titles = profiles.map((profile) => profile.title);
  const unmodelled = issuers.filter((_, index) => systems[index]!.length === 0);
  let message = titles.length > 0 ? `the claim "${claim}" is not one that ${orList(titles)} tokens carry` : `the claim "${claim}" is not declared under \`custom-claims\``;
  if (unmodelled.length > 0) {
    message += titles.length > 0 ? `, nor declared under \`custom-claims\` for ${unmodelled.join(', ')}, whose claims the broker does not know` : ` (the broker does not know the claims of ${unmodelled.join(', ')})`;
  }
  const suggestions = closestNames(claim, [...new Set([...[...profiles, undefined].flatMap((profile) => knownClaimNames(profile)), ...declared])]);
  if (suggestions.length > 0) message += `; did you mean ${orList(suggestions.map((suggestion) => `"${suggestion}"`))}?`;
  return { code: 'unknown-claim', message, hint: UNKNOWN_CLAIM_HINT };
}

/**
 * Up to three known names a misspelt one was probably meant as, nearest first. A name is compared whole
 * and by each run of its words, a little less close, so that "event" finds "event_name", "evnt" finds
 * it too, and "vcs-origin" finds "oidc.circleci.com/vcs-origin". The distance allowed grows with the
 * length of what was written; case is ignored, since it is the likeliest slip.
 */
function closestNames(name: string, known: readonly string[]): string[] {
  const wanted = name.toLowerCase();
  const bound = wanted.length <= 4 ? 1 : wanted.length <= 10 ? 2 : 3;
  return known
    .map((candidate) => {
      const whole = candidate.toLowerCase();
      const words = whole.split(/([._:/-])/);
      const runs: string[] = [];
      for (let start = 0; start < words.length; start += 2) for (let end = start + 1; end <= words.length; end += 2) runs.push(words.slice(start, end).join(''));
      const partly = wanted.length < 3 ? Infinity : Math.min(...runs.filter((run) => run !== whole).map((run) => editDistance(wanted, run) + 0.5));
      return { candidate, distance: Math.min(editDistance(wanted, whole), partly) };
    })
    .filter(({ distance }) => distance <= bound + 0.5)
    .sort((a, b) => a.distance - b.distance || a.candidate.length - b.candidate.length || a.candidate.localeCompare(b.candidate))
    .slice(0, 3)
    .map(({ candidate }) => candidate);
}

/** Edits (insertions, deletions, substitutions and swaps of neighbours) that turn one string into the other. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i]![j] = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i]![j] = Math.min(rows[i]![j]!, rows[i - 2]![j - 2]! + 1);
    }
  }
  return rows[a.length]![b.length]!;
}

function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)!}`;
}

/**
 * Ajv reports a failed anyOf as the errors of every branch plus the anyOf itself. When exactly one
 * branch's type fits the value, that branch is what the author meant: keep its errors alone (an empty
 * list, a malformed duration). Otherwise keep the anyOf alone, described with every accepted form.
 * Either way, one problem per mistake.
 */
function collapseAnyOf(errors: readonly ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  for (const anyOf of errors.filter((error) => error.keyword === 'anyOf')) {
    const branches = new Map<string, ErrorObject[]>();
    for (const error of errors) {
      if (!error.schemaPath.startsWith(`${anyOf.schemaPath}/`)) continue;
      if (error.instancePath !== anyOf.instancePath && !error.instancePath.startsWith(`${anyOf.instancePath}/`)) continue;
      const branch = error.schemaPath.slice(anyOf.schemaPath.length + 1).split('/')[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), error]);
    }
    const fittingBranches = [...branches.values()].filter((list) => !list.some((error) => error.keyword === 'type' && error.instancePath === anyOf.instancePath));
    const fitting = new Set(fittingBranches.length === 1 ? fittingBranches[0] : []);
    if (fitting.size > 0) dropped.add(anyOf);
    for (const error of [...branches.values()].flat()) if (!fitting.has(error)) dropped.add(error);
  }
  return errors.filter((error) => !dropped.has(error));
}

/** rules.<i>.match.<claim> (or operators.<i>…) or an item of its list. */
function isClaimValue(path: readonly (string | number)[]): boolean {
  return (path[0] === 'rules' || path[0] === 'operators') && path[2] === 'match' && path.length >= 4;
}

function claimValueMessage(where: string): string {
  return `${where} must be a string, a list of strings, {glob: PATTERN} or {regex: PATTERN}; quote numbers (for example "8429") because token claims are strings`;
}

function durationFormMessage(where: string): string {
  return `${where} must be a number of seconds (900) or a duration such as "15m" or "1h30m"`;
}

function describeSchemaError(error: ErrorObject): Problem {
  const path = error.instancePath.split('/').slice(1).map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const params = error.params as Record<string, unknown>;
  const where = path.length > 0 ? `\`${path.join('.')}\`` : 'the policy';
  const problem = (code: string, message: string, at = path): Problem => ({ path: at, code, message });
  switch (error.keyword) {
    case 'additionalProperties':
      return { ...problem('unknown-key', `unknown key "${String(params.additionalProperty)}" in ${where}`, [...path, String(params.additionalProperty)]), atKey: true };
    case 'required':
      return problem('missing-key', `${where} is missing the required key "${String(params.missingProperty)}"`);
    case 'type':
      return isClaimValue(path) ? problem('wrong-type', claimValueMessage(where)) : problem('wrong-type', `${where} must be of type ${String(params.type)}`);
    case 'anyOf':
      if (isClaimValue(path)) return problem('wrong-type', claimValueMessage(where));
      if (path.at(-1) === 'max-duration' || path.at(-1) === 'max-lifetime') return problem('invalid-duration', durationFormMessage(where));
      return problem('invalid-value', `${where} ${error.message ?? 'is invalid'}`);
    case 'const':
      return problem('invalid-value', `${where} must be ${JSON.stringify(params.allowedValue)}`);
    case 'enum':
      return problem('invalid-value', `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`);
    case 'minProperties':
      return problem('empty', path.at(-1) === 'match' ? `${where} is empty; a rule must check at least one claim` : `${where} is empty`);
    case 'minItems':
      return problem('empty', `${where} must not be an empty list`);
    case 'pattern':
      if (path.at(-1) === 'max-duration' || path.at(-1) === 'max-lifetime') return problem('invalid-duration', durationFormMessage(where));
      if (path.includes('roles')) return problem('invalid-format', `${where} is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)`);
      if (path.at(-1) === 'workload-identity-provider') {
        return problem('invalid-format', `${where} is not a provider's full resource name (projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>)`);
      }
      if (path.includes('service-accounts')) return problem('invalid-format', `${where} is not a service account email (<name>@<project>.iam.gserviceaccount.com)`);
      return problem('invalid-format', `${where} does not have the expected form (${String(params.pattern)})`);
    default:
      return problem('invalid-value', `${where} ${error.message ?? 'is invalid'}`);
  }
}

/**
 * The document as plain data. The YAML parser leaves two alias mistakes to this step, where they throw
 * plain errors: an alias to an anchor not yet set, and aliases that expand too much (an alias bomb).
 * After a syntax error the document may not convert at all; the syntax error is then the report.
 */
function toData(document: Document, afterSyntaxError: boolean): { value: unknown } | { problem: string; offset: number } {
  try {
    return { value: document.toJS() };
  } catch (error) {
    if (afterSyntaxError) return { value: undefined };
    if (!(error instanceof ReferenceError)) throw error;
    let offset = 0;
    visit(document, (_key, node) => {
      if (!isAlias(node)) return undefined;
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    });
    return { problem: `YAML aliases: ${error.message}`, offset };
  }
}

/**
 * Keys of one mapping that YAML tells apart but that become one key in the data: 1000 and "1000", true
 * and "true", ~ and "". The later silently replaces the earlier, and with it a condition. (Keys equal as
 * YAML values are the parser's DUPLICATE_KEY.)
 */
function collapsingKeys(document: Document): Array<{ node: Scalar; message: string }> {
  const found: Array<{ node: Scalar; message: string }> = [];
  visit(document, {
    Map(_key, map) {
      const seen = new Map<string, Scalar>();
      for (const { key } of map.items) {
        if (!isScalar(key) || !key.range) continue;
        const name = key.value === null ? '' : String(key.value);
        const earlier = seen.get(name);
        if (earlier && earlier.value !== key.value) {
          found.push({ node: key, message: `the key ${JSON.stringify(name)} is written twice (as ${describeKey(earlier.value)} and as ${describeKey(key.value)}), which would become one key and drop a value; each key may appear once in a mapping` });
        }
        if (!earlier) seen.set(name, key);
      }
    },
  });
  return found;
}

function describeKey(value: unknown): string {
  return value === null ? 'null' : typeof value === 'string' ? `the string ${JSON.stringify(value)}` : `the ${typeof value} ${String(value)}`;
}

/** The YAML node (or key) a problem is about: the deepest one on its path that exists. */
function nodeOf(document: Document, problem: Problem): Node | null | undefined {
  if (problem.atKey) {
    const parent = nodeAt(document, problem.path.slice(0, -1));
    if (parent.complete && isMap(parent.node)) {
      const key = pairOf(parent.node, problem.path.at(-1)!)?.key as Node | undefined;
      if (key?.range) return key;
    }
  }
  return nodeAt(document, problem.path).node;
}

/**
 * The node at a path, or the deepest one on the way there (an alias, say). Keys are compared as text:
 * the path comes from the JS value, where a YAML key 8429 has become "8429" and a key "0" looks like an index.
 */
function nodeAt(document: Document, path: readonly (string | number)[]): { node: Node | null | undefined; complete: boolean } {
  let node = document.contents as Node | null;
  for (const segment of path) {
    const next = isMap(node) ? pairOf(node, segment)?.value : isSeq(node) ? node.items[Number(segment)] : undefined;
    if (next === undefined || next === null) return { node, complete: false };
    node = next as Node;
  }
  return { node, complete: true };
}

function pairOf(map: YAMLMap, key: string | number) {
  return map.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
}

function toLineColumn(position: { line: number; col: number }): { line: number; column: number } {
  return { line: position.line, column: position.col };
}

function yamlProblem(code: string, message: string): { code: string; message: string } {
  if (code === 'DUPLICATE_KEY') return { code: 'duplicate-key', message: 'duplicate key; each key may appear once in a mapping' };
  return { code: 'yaml-syntax', message: `YAML syntax: ${message.split('\n')[0]}` };
}

function invalid(source: string, problems: Located[]): BrokerError {
  problems.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
  const lines = problems.map(({ location, message }) => `${location.file}:${location.line}:${location.column}: ${message}`);
  return new BrokerError(ErrorCode.PolicyInvalid, `The policy ${source} is invalid:\n${lines.join('\n')}`, {
    hint: ['Fix each listed line; the format is described in schema/policy.schema.json and the README.', ...new Set(problems.flatMap((p) => (p.hint ? [p.hint] : [])))].join(' '),
    location: problems[0]!.location,
    problems: problems.map((problem) => ({ ...problem, hint: problem.hint ?? FORMAT_HINT })),
  });
}
