import { dirname, relative, resolve, sep } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type YAMLMap } from 'yaml';
import generatedValidator from './schema-validator.generated.ts';
import { BrokerError, ErrorCode, isBrokerError, type SourceLocation } from '../errors/broker-error.ts';
import { parseIssuerUrl } from '../oidc/issuer-url.ts';
import { GCP_TOKEN_SECONDS, parseDuration, STS_SESSION_SECONDS } from './duration.ts';
import { directorySource } from './sources/directory-source.ts';
import type { PolicySource } from './sources/policy-source.ts';
import { compileGlob, compileRegex, globProblem, regexProblem } from './matchers.ts';
import { GITHUB_ACTIONS_ISSUER, type Condition, type Grant, type Matcher, type Policy, type PolicyRule } from './types.ts';

const DEFAULT_MAX_DURATION_SECONDS = 3600;
const REGEX_HINT = 'Regexes use RE2 syntax, as Google CEL does: no lookaround or backreferences, \\x{e9} rather than \\u00e9, \\pL rather than \\p{Letter}, repeat counts up to 1000.';
const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

type RawClaimValue = string | string[] | { glob: string } | { regex: string };

interface RawRule {
  name: string;
  effect?: 'allow' | 'deny';
  issuer?: string;
  match: Record<string, RawClaimValue>;
  grant?: {
    aws?: { roles: string[]; 'max-duration'?: number | string; 'session-policy'?: string; 'revoke-role'?: string };
    gcp?: { 'workload-identity-provider': string; 'service-accounts'?: string[]; 'max-lifetime'?: number | string; scopes?: string[] };
  };
}
interface RawPolicy {
  version: 1;
  issuers?: string[];
  audiences?: string[];
  rules: RawRule[];
}

interface Problem {
  path: readonly (string | number)[];
  /** Point at the key rather than its value (for unknown keys). */
  atKey?: boolean;
  message: string;
  /** Said once in the error's hint, however many problems share it. */
  hint?: string;
}

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
  for (const rule of policy.rules) {
    const sessionPolicy = rule.grant?.aws?.sessionPolicy;
    if (sessionPolicy) sessionPolicy.document = await readSessionPolicy(source, sessionPolicy.path, sessionPolicy.location);
  }
  return policy;
}

/**
 * A policy on disk, for the CLI and tests. `root` is the repository it belongs to, where session-policy
 * paths start: by default the current directory, or the policy's own folder when it lies outside.
 */
export function loadPolicyFile(path: string, root?: string): Promise<Policy> {
  const absolute = resolve(path);
  const base = root ?? (relative(process.cwd(), absolute).startsWith('..') ? dirname(absolute) : process.cwd());
  return loadPolicy(directorySource(base), relative(base, absolute).split(sep).join('/'));
}

async function readSessionPolicy(source: PolicySource, path: string, location: SourceLocation): Promise<string> {
  const problem = (message: string): BrokerError =>
    new BrokerError(ErrorCode.PolicyInvalid, `The policy ${location.file} is invalid:\n${location.file}:${location.line}:${location.column}: ${message}`, {
      hint: 'A session policy is a JSON IAM policy document in the policy’s repository, named by its path from the repository root.',
      location,
    });
  const text = await source.read(path).catch((error: unknown) => {
    throw isBrokerError(error, ErrorCode.PolicySourceInvalid) ? problem(`the session policy ${path} is outside the policy's repository`) : error;
  });
  if (text === undefined) throw problem(`the session policy ${source.displayName(path)} does not exist`);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw problem(`the session policy ${source.displayName(path)} is not valid JSON`);
  }
  if (typeof document !== 'object' || document === null || !('Statement' in document)) throw problem(`the session policy ${source.displayName(path)} has no Statement`);
  // Sent to STS compact, as the service counts the packed size of what it receives.
  return JSON.stringify(document);
}

/**
 * Reads a policy strictly: YAML syntax, then the JSON schema, then what a schema cannot say (unique
 * rule names, grants only on allow rules, duration bounds). Every problem is reported with its
 * file:line:column, all of them at once.
 *
 * Claim values must be YAML strings. Token claims such as repository_id are strings ("8429"), and an
 * unquoted 8429 is a YAML number; rather than convert numbers (where 0x10, 1e3 or 007 would silently
 * change meaning) the loader refuses them and asks for quotes.
 */
export function parsePolicy(text: string, source: string): Policy {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): SourceLocation => ({ file: source, ...toLineColumn(lineCounter.linePos(offset)) });
  if (document.errors.length > 0) {
    throw invalid(source, document.errors.map((error) => ({ location: at(error.pos[0]), message: yamlMessage(error.code, error.message) })));
  }
  const data = toData(document, source, at);
  const problems: Problem[] = collapseAnyOf(validate(data)).map(describeSchemaError);
  if (problems.length === 0) problems.push(...semanticProblems(data as RawPolicy));
  if (problems.length > 0) {
    throw invalid(
      source,
      problems.map((problem) => ({ location: at(offsetOf(document, problem)), message: problem.message, hint: problem.hint })),
    );
  }
  return build(data as RawPolicy, source, (path) => at(offsetOf(document, { path, message: '' })));
}

function build(raw: RawPolicy, source: string, locate: (path: (string | number)[]) => SourceLocation): Policy {
  const rules = raw.rules.map((rule, index): PolicyRule => {
    const conditions = Object.entries(rule.match).map(([claim, expected]): Condition => ({
      claim,
      matcher: toMatcher(expected),
      location: locate(['rules', index, 'match', claim]),
    }));
    // A rule's issuer is one more condition, on `iss`, checked first and explained like any other.
    if (rule.issuer !== undefined) conditions.unshift({ claim: 'iss', matcher: { kind: 'equals', values: [rule.issuer] }, location: locate(['rules', index, 'issuer']) });
    const effect = rule.effect ?? 'allow';
    return { name: rule.name, effect, conditions, grant: effect === 'allow' ? buildGrant(rule.grant, (path) => locate(['rules', index, ...path])) : undefined, location: locate(['rules', index]) };
  });
  return { source, issuers: raw.issuers ?? [GITHUB_ACTIONS_ISSUER], audiences: raw.audiences ?? [], rules };
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
    },
    aws: aws && {
      roles: aws.roles,
      maxDurationSeconds: aws['max-duration'] === undefined ? DEFAULT_MAX_DURATION_SECONDS : parseDuration(aws['max-duration'])!,
      sessionPolicy: sessionPolicy === undefined ? undefined : { path: sessionPolicy, location: locate(['grant', 'aws', 'session-policy']), document: undefined },
      revokeRole: aws['revoke-role'],
    },
  };
}

function semanticProblems(raw: RawPolicy): Problem[] {
  const problems: Problem[] = [];
  (raw.issuers ?? []).forEach((issuer, index) => {
    try {
      parseIssuerUrl(issuer);
    } catch (error) {
      problems.push({ path: ['issuers', index], message: `issuer ${JSON.stringify(issuer)}: ${(error as Error).message.replace(/^The issuer "[^"]*" /, '')}` });
    }
  });
  const seen = new Set<string>();
  raw.rules.forEach((rule, index) => {
    if (seen.has(rule.name)) problems.push({ path: ['rules', index, 'name'], message: `the rule name "${rule.name}" is used twice; names must be unique` });
    seen.add(rule.name);
    const effect = rule.effect ?? 'allow';
    if (effect === 'deny' && rule.grant) problems.push({ path: ['rules', index, 'grant'], atKey: true, message: `deny rule "${rule.name}" has a grant; deny rules grant nothing` });
    if (effect === 'allow' && !rule.grant) problems.push({ path: ['rules', index], message: `allow rule "${rule.name}" has no grant; say what it allows under \`grant:\`` });
    const issuers = raw.issuers ?? [GITHUB_ACTIONS_ISSUER];
    if (rule.issuer !== undefined && !issuers.includes(rule.issuer)) {
      problems.push({ path: ['rules', index, 'issuer'], message: `rule "${rule.name}" names the issuer ${JSON.stringify(rule.issuer)}, which is not among the policy's issuers`, hint: 'List every issuer under the top-level `issuers:`, exactly as it appears in the tokens.' });
    }
    for (const [claim, value] of Object.entries(rule.match)) {
      if (typeof value !== 'object' || Array.isArray(value)) continue;
      const [kind, problem] = 'glob' in value ? ['glob', globProblem(value.glob)] : ['regex', regexProblem(value.regex)];
      if (problem) problems.push({ path: ['rules', index, 'match', claim, kind], message: `the ${kind} for ${claim} ${problem}`, hint: kind === 'regex' ? REGEX_HINT : undefined });
    }
    const lifetime = rule.grant?.gcp?.['max-lifetime'];
    if (lifetime !== undefined) {
      const seconds = parseDuration(lifetime);
      if (seconds === undefined || seconds < GCP_TOKEN_SECONDS.min || seconds > GCP_TOKEN_SECONDS.max) {
        problems.push({ path: ['rules', index, 'grant', 'gcp', 'max-lifetime'], message: `max-lifetime ${JSON.stringify(lifetime)} is not between 1 s and 1h (3600 s)` });
      }
    }
    const duration = rule.grant?.aws?.['max-duration'];
    if (duration !== undefined) {
      const seconds = parseDuration(duration);
      if (seconds === undefined || seconds < STS_SESSION_SECONDS.min || seconds > STS_SESSION_SECONDS.max) {
        problems.push({ path: ['rules', index, 'grant', 'aws', 'max-duration'], message: `max-duration ${JSON.stringify(duration)} is not between 15m (900 s) and 12h (43200 s)` });
      }
    }
  });
  return problems;
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

/** rules.<i>.match.<claim> or an item of its list. */
function isClaimValue(path: readonly (string | number)[]): boolean {
  return path[0] === 'rules' && path[2] === 'match' && path.length >= 4;
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
  switch (error.keyword) {
    case 'additionalProperties':
      return { path: [...path, String(params.additionalProperty)], atKey: true, message: `unknown key "${String(params.additionalProperty)}" in ${where}` };
    case 'required':
      return { path, message: `${where} is missing the required key "${String(params.missingProperty)}"` };
    case 'type':
      return isClaimValue(path) ? { path, message: claimValueMessage(where) } : { path, message: `${where} must be of type ${String(params.type)}` };
    case 'anyOf':
      if (isClaimValue(path)) return { path, message: claimValueMessage(where) };
      if (path.at(-1) === 'max-duration' || path.at(-1) === 'max-lifetime') return { path, message: durationFormMessage(where) };
      return { path, message: `${where} ${error.message ?? 'is invalid'}` };
    case 'const':
      return { path, message: `${where} must be ${JSON.stringify(params.allowedValue)}` };
    case 'enum':
      return { path, message: `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'minProperties':
      return { path, message: path.at(-1) === 'match' ? `${where} is empty; a rule must check at least one claim` : `${where} is empty` };
    case 'minItems':
      return { path, message: `${where} must not be an empty list` };
    case 'pattern':
      if (path.at(-1) === 'max-duration' || path.at(-1) === 'max-lifetime') return { path, message: durationFormMessage(where) };
      if (path.includes('roles')) return { path, message: `${where} is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)` };
      if (path.at(-1) === 'workload-identity-provider') {
        return { path, message: `${where} is not a provider's full resource name (projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>)` };
      }
      if (path.includes('service-accounts')) return { path, message: `${where} is not a service account email (<name>@<project>.iam.gserviceaccount.com)` };
      return { path, message: `${where} does not have the expected form (${String(params.pattern)})` };
    default:
      return { path, message: `${where} ${error.message ?? 'is invalid'}` };
  }
}

/**
 * The document as plain data. The YAML parser leaves two alias mistakes to this step, where they throw
 * plain errors: an alias to an anchor not yet set, and aliases that expand too much (an alias bomb).
 */
function toData(document: Document, source: string, at: (offset: number) => SourceLocation): unknown {
  try {
    return document.toJS();
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    let offset = 0;
    visit(document, (_key, node) => {
      if (!isAlias(node)) return undefined;
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    });
    throw invalid(source, [{ location: at(offset), message: `YAML aliases: ${error.message}` }]);
  }
}

/** The offset in the text of the YAML node (or key) a problem is about; the document start if none. */
function offsetOf(document: Document, problem: Problem): number {
  if (problem.atKey) {
    const parent = nodeAt(document, problem.path.slice(0, -1));
    if (parent.complete && isMap(parent.node)) {
      const key = pairOf(parent.node, problem.path.at(-1)!)?.key as Node | undefined;
      if (key?.range) return key.range[0];
    }
  }
  return nodeAt(document, problem.path).node?.range?.[0] ?? 0;
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

function yamlMessage(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'duplicate key; each key may appear once in a mapping';
  return `YAML syntax: ${message.split('\n')[0]}`;
}

function invalid(source: string, problems: Array<{ location: SourceLocation; message: string; hint?: string | undefined }>): BrokerError {
  problems.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
  const lines = problems.map(({ location, message }) => `${location.file}:${location.line}:${location.column}: ${message}`);
  return new BrokerError(ErrorCode.PolicyInvalid, `The policy ${source} is invalid:\n${lines.join('\n')}`, {
    hint: ['Fix each listed line; the format is described in schema/policy.schema.json and the README.', ...new Set(problems.flatMap((p) => (p.hint ? [p.hint] : [])))].join(' '),
    location: problems[0]!.location,
  });
}
