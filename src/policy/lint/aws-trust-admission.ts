import { hasWildcard, literalPrefix, literalShape, patternMatches, runShape, witness, type Token } from './aws-iam-patterns.ts';
import { coversAction, type ConditionTest, type TrustStatement } from './aws-trust-statements.ts';

/**
 * What a trust policy admits, judged by asking whether a token an attacker can obtain satisfies an Allow
 * statement and no Deny statement. An attacker's token is a probe: for each claim, whether it is present
 * and whether it can match a condition value. Where the attacker chooses a value, a condition goes their
 * way: an Allow's holds, a Deny's fails. An Allow condition that holds when its key is missing
 * (…IfExists, ForAllValues) is taken to hold, since a misspelt key or another provider's token lacks
 * the key, and the lint cannot promise it is present.
 */

export const WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity';

type Tri = 'yes' | 'no' | 'either';
interface ClaimProbe {
  present: boolean;
  match: (tokens: readonly Token[], ignoreCase: boolean) => Tri;
}
/** A token of one provider, by lower-case claim name. */
type Probe = (claim: string) => ClaimProbe;

// IDs the job's owner cannot choose, per CI system: GitHub's repository and owner, GitLab's project and
// namespace, Buildkite's pipeline and organisation (its issuer is shared by every organisation), and
// CircleCI's project (its issuer already names the organisation).
export const REPOSITORY_ID_CLAIMS = ['repository_id', 'project_id', 'pipeline_id', 'oidc.circleci.com/project-id'];
const OWNER_ID_CLAIMS = ['repository_owner_id', 'namespace_id', 'organization_id'];
export const BINDING_CLAIMS = ['sub', ...REPOSITORY_ID_CLAIMS, ...OWNER_ID_CLAIMS];

const CHOSEN: ClaimProbe = { present: true, match: (tokens) => (tokens.length > 0 && tokens.every((t) => t.kind === 'any') ? 'yes' : 'either') };
const ABSENT: ClaimProbe = { present: false, match: () => 'no' };
/** The victim's own value, which whatever the document binds it to matches. */
const OWNED: ClaimProbe = { present: true, match: () => 'yes' };
/** An immutable ID the attacker has but cannot choose: no exact value is theirs. */
const OTHER_ID: ClaimProbe = { present: true, match: (tokens) => (hasWildcard(tokens) ? 'either' : 'no') };
const concrete = (value: string): ClaimProbe => ({ present: true, match: (tokens, ignoreCase) => (patternMatches(tokens, value, ignoreCase) ? 'yes' : 'no') });
const subjectIn = (scopes: readonly SubjectScope['scope'][]): ClaimProbe => ({
  present: true,
  match: (tokens, ignoreCase) => (scopes.includes(subjectScope(tokens).scope) ? CHOSEN.match(tokens, ignoreCase) : 'no'),
});

/** A job of a repository whose owner the document does not name: anyone's. */
export const FOREIGN: Probe = (claim) => (claim === 'sub' ? subjectIn(['open']) : BINDING_CLAIMS.includes(claim) ? OTHER_ID : CHOSEN);
/** A job of another repository of an owner the document names. */
export const SIBLING: Probe = (claim) => (claim === 'sub' ? subjectIn(['open', 'owner']) : OWNER_ID_CLAIMS.includes(claim) ? OWNED : REPOSITORY_ID_CLAIMS.includes(claim) ? OTHER_ID : CHOSEN);
/** Any job of the provider, its claims chosen at will: whether a statement can match at all. */
const ANY_JOB: Probe = () => CHOSEN;

/** A `pull_request` job, with `subject`, of a repository the document binds: its names and IDs are the victim's own. */
export function pullRequest(subject: string): Probe {
  const claims = new Map<string, ClaimProbe>([
    ['sub', concrete(subject)],
    ['ref', concrete('refs/pull/1/merge')],
    ['event_name', concrete('pull_request')],
    ['repository', OWNED],
    ['repository_owner', OWNED],
    // A job that names an environment gets an environment subject instead.
    ['environment', ABSENT],
  ]);
  return (claim) => claims.get(claim) ?? (BINDING_CLAIMS.includes(claim) ? OWNED : CHOSEN);
}

const isName = (char: string): boolean => /[A-Za-z0-9._-]/.test(char);
const PULL_REQUEST_SUBJECT = [...literalShape('repo:'), ...runShape(isName, 'x'), ...literalShape('/'), ...runShape(isName, 'x'), ...literalShape(':pull_request')];
const ANY_PULL_REQUEST = 'repo:OWNER/REPO:pull_request';

/** The pull request subjects to try against a provider: one each value of the document's `sub` conditions admits, and one any repository has. */
export function pullRequestSubjects(statements: readonly TrustStatement[], provider: string): string[] {
  const subjects = statements.flatMap((statement) =>
    statement.conditions
      .filter((test) => statement.effect === 'Allow' && test.prefix === provider && test.claim === 'sub' && isPositiveComparison(test))
      .flatMap((test) => test.values.map((value) => witness(value.tokens, PULL_REQUEST_SUBJECT, test.operator!.ignoreCase)))
      .filter((subject) => subject !== undefined),
  );
  return [...new Set([...subjects, ANY_PULL_REQUEST])];
}

/** A StringEquals- or StringLike-style test that a value must match, rather than avoid. */
export function isPositiveComparison(test: ConditionTest): boolean {
  return (test.operator?.kind === 'exact' || test.operator?.kind === 'like') && !test.operator.negated;
}

/** Whether GitHub issues the provider's tokens, by its host or by the subjects the document expects of it. */
export function isGitHubProvider(statements: readonly TrustStatement[], provider: string): boolean {
  if (/(^|\.)githubusercontent\.com(\/|$)|\/_services\/token$/.test(provider)) return true;
  return statements.some((s) => s.conditions.some((test) => test.prefix === provider && test.claim === 'sub' && test.values.some((v) => literalPrefix(v.tokens).prefix.startsWith('repo:'))));
}

/**
 * How far a `sub` value reaches, for the subject formats the lint knows: one repository (or project,
 * or pipeline), every repository of one owner (organisation, group), or anyone's. An exact value in a
 * format the lint does not know is `unrecognised`: it admits one subject, whose owner the lint cannot see.
 */
interface SubjectScope {
  scope: 'repository' | 'owner' | 'open' | 'unrecognised';
  /** The literal part that names the repository or owner, for messages. */
  named?: string;
}

const SUBJECT_FORMATS = [
  // GitHub: repo:OWNER/REPO:…, and custom subject templates that lead with the immutable IDs.
  { repository: /^repo:[^/:]+\/[^/:]+/, owner: /^repo:[^/:]+\//, separator: ':' },
  { repository: /^(?:repository_owner_id:\d+:)?repository_id:\d+/, owner: /^repository_owner_id:\d+:/, separator: ':' },
  // GitLab: project_path:GROUP/PROJECT:ref_type:…:ref:…
  { repository: /^project_path:[^:]+/, owner: /^project_path:[^/:]+\//, separator: ':' },
  // CircleCI: org/ORG/project/PROJECT/user/USER
  { repository: /^org\/[^/]+\/project\/[^/]+/, owner: /^org\/[^/]+\//, separator: '/' },
  // Buildkite: organization:ORG:pipeline:PIPELINE:ref:…
  { repository: /^organization:[^:]+:pipeline:[^:]+/, owner: /^organization:[^:]+:/, separator: ':' },
];

export function subjectScope(tokens: readonly Token[]): SubjectScope {
  const { prefix, complete } = literalPrefix(tokens);
  for (const format of SUBJECT_FORMATS) {
    const repository = format.repository.exec(prefix)?.[0];
    // The repository's name must be ended by the separator, or `app*` would also admit `app-fork`.
    if (repository !== undefined && (prefix.length > repository.length ? prefix[repository.length] === format.separator : complete)) return { scope: 'repository', named: repository };
  }
  if (complete) return { scope: 'unrecognised' };
  for (const format of SUBJECT_FORMATS) {
    const owner = format.owner.exec(prefix)?.[0];
    if (owner !== undefined) return { scope: 'owner', named: owner };
  }
  return { scope: 'open' };
}

/** The claim of a condition key for a token of `provider`: another provider's keys are absent; global keys (aws:…) are the caller's to choose. */
function claimOf(test: ConditionTest, provider: string, probe: Probe): ClaimProbe {
  if (test.prefix === provider) return probe(test.claim);
  return /[./]/.test(test.prefix) ? ABSENT : CHOSEN;
}

function holds(test: ConditionTest, provider: string, probe: Probe, effect: 'Allow' | 'Deny'): boolean {
  const operator = test.operator;
  // An operator the lint cannot compare binds nothing in an Allow and protects nothing in a Deny.
  if (!operator || operator.kind === 'other') return effect === 'Allow';
  if (effect === 'Allow' && (operator.ifExists || operator.set === 'ForAllValues')) return true;
  const claim = claimOf(test, provider, probe);
  if (operator.kind === 'null') return test.values.some((value) => (value.text.toLowerCase() === 'true') !== claim.present);
  if (!claim.present) return operator.negated || operator.ifExists || operator.set === 'ForAllValues';
  const results = test.values.map((value) => claim.match(value.tokens, operator.ignoreCase));
  let result: Tri = results.includes('yes') ? 'yes' : results.includes('either') ? 'either' : 'no';
  if (operator.negated) result = result === 'yes' ? 'no' : result === 'no' ? 'yes' : 'either';
  return effect === 'Allow' ? result !== 'no' : result === 'yes';
}

function coversProvider(statement: TrustStatement, provider: string): boolean {
  const { everyone, providers } = statement.principal;
  if (everyone === 'not-principal') return !providers.includes(provider);
  // Whether {"AWS": "*"} reaches federated callers is the one doubt; it is resolved against the Deny.
  if (everyone === 'star' || everyone === 'federated' || (everyone === 'aws' && statement.effect === 'Allow')) return true;
  return providers.includes(provider);
}

function statementMatches(statement: TrustStatement, provider: string, probe: Probe): boolean {
  return (
    statement.effect !== undefined &&
    coversProvider(statement, provider) &&
    coversAction(statement.actions, WEB_IDENTITY) &&
    statement.conditions.every((test) => holds(test, provider, probe, statement.effect!))
  );
}

/** Whether the Allow statement admits the probe's token and no Deny statement of the document refuses it. */
export function admits(statements: readonly TrustStatement[], allow: TrustStatement, provider: string, probe: Probe): boolean {
  return statementMatches(allow, provider, probe) && !statements.some((s) => s.effect === 'Deny' && statementMatches(s, provider, probe));
}

/** Whether any token of the provider can satisfy the statement, Deny statements aside. */
export function reachable(allow: TrustStatement, provider: string): boolean {
  return statementMatches(allow, provider, ANY_JOB);
}
