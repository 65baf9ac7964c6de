import type { SourceLocation } from '../../errors/broker-error.ts';
import { hasWildcard } from './aws-iam-patterns.ts';
import { readPolicyText, type JsonPath } from './aws-policy-document.ts';
import {
  admits,
  BINDING_CLAIMS,
  FOREIGN,
  isGitHubProvider,
  isPositiveComparison,
  pullRequest,
  pullRequestSubjects,
  reachable,
  REPOSITORY_ID_CLAIMS,
  SIBLING,
  subjectScope,
  WEB_IDENTITY,
} from './aws-trust-admission.ts';
import { coversAction, readStatements, type ConditionTest, type TrustStatement } from './aws-trust-statements.ts';
import { sortFindings, type Finding } from './finding.ts';

const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', WEB_IDENTITY, 'sts:AssumeRoot'];
/** Actions a web identity trust statement has no use for: a pattern that covers one is broader than needed. */
const UNNEEDED_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoot', 'sts:SetContext', 'sts:GetFederationToken', 'sts:GetSessionToken', 'sts:DecodeAuthorizationMessage'];

type At = (path: JsonPath) => SourceLocation;

/**
 * Lints an IAM trust policy that trusts an OIDC provider, for what its statements admit rather than
 * how they are spelt: every Allow statement is judged on its own, against tokens an attacker can get
 * (another owner's repository, another repository of the same owner, a pull request), with the
 * document's Deny statements taken into account. Errors are what `lint aws-trust-policy` fails on.
 */
export function lintAwsTrustPolicy(text: string, file: string): Finding[] {
  const policy = readPolicyText(text, file);
  const { statements, problems } = readStatements(policy.data);
  const findings = [...policy.duplicateKeys];
  for (const problem of problems) {
    findings.push({ id: 'malformed-document', severity: 'error', rule: null, message: problem.message, fix: 'Write the document as IAM takes it: {"Version": "2012-10-17", "Statement": [...]}.', location: policy.at(problem.path) });
  }
  for (const statement of statements) {
    for (const problem of statement.problems) {
      findings.push({
        id: 'malformed-statement',
        severity: 'error',
        rule: statement.name,
        message: `${problem.message} IAM refuses the document, so what it would admit cannot be promised.`,
        fix: 'Correct the statement to IAM’s grammar: Effect, Principal, Action and Condition, spelt exactly so.',
        location: policy.at(problem.path),
      });
    }
    if (statement.effect === 'Allow') findings.push(...lintAllow(statement, statements, policy.at));
  }
  return sortFindings(findings);
}

interface Verdict {
  provider: string;
  /** Jobs of repositories the document does not name. */
  foreign: boolean;
  /** Jobs of other repositories of an owner it names; not judged where foreign ones are admitted. */
  sibling: boolean;
  /** Subjects of pull request jobs admitted; not looked for where any repository is admitted, which says more. */
  pullRequests: string[];
}

function verdictFor(statement: TrustStatement, statements: readonly TrustStatement[], provider: string): Verdict {
  const foreign = admits(statements, statement, provider, FOREIGN);
  if (foreign) return { provider, foreign, sibling: false, pullRequests: [] };
  return {
    provider,
    foreign,
    sibling: admits(statements, statement, provider, SIBLING),
    pullRequests: isGitHubProvider(statements, provider) ? pullRequestSubjects(statements, provider).filter((subject) => admits(statements, statement, provider, pullRequest(subject))) : [],
  };
}

function lintAllow(statement: TrustStatement, statements: readonly TrustStatement[], at: At): Finding[] {
  const { principal, actions } = statement;
  const open = principal.everyone !== undefined;
  const webIdentity = coversAction(actions, WEB_IDENTITY);
  const named = principal.everyone === 'not-principal' ? [] : principal.providers;
  if (!((webIdentity && named.length > 0) || (open && ASSUME_ACTIONS.some((action) => coversAction(actions, action))))) return [];

  const findings: Finding[] = [];
  const add = (id: string, severity: Finding['severity'], path: JsonPath, message: string, fix: string): void => {
    findings.push({ id, severity, rule: statement.name, message, fix, location: at(path) });
  };
  if (open) {
    const who = principal.everyone === 'not-principal' ? 'NotPrincipal admits every principal but those it lists' : 'The principal is everyone';
    add('open-principal', 'error', principal.path, `${who}: any identity provider in the account, and with sts:AssumeRole any AWS account, may use this statement; only its conditions stand in the way.`, 'Name the OIDC provider: "Principal": {"Federated": "arn:aws:iam::ACCOUNT:oidc-provider/HOST"}.');
  }
  const unneeded = UNNEEDED_ACTIONS.filter((action) => coversAction(actions, action));
  if (unneeded.length > 0) {
    const written = actions.negated ? `NotAction ${JSON.stringify(actions.patterns)}` : `Action ${JSON.stringify(actions.patterns)}`;
    add('broad-action', 'warning', actions.path, `${written} also allows ${unneeded.join(', ')}: more than a CI job needs.`, `Allow only ${WEB_IDENTITY} (and sts:TagSession if the job passes session tags).`);
  }

  const fromConditions = statement.conditions.map((test) => test.prefix).filter((prefix) => /[./]/.test(prefix));
  const providers = !webIdentity ? [] : open ? [...new Set([...named, ...fromConditions])] : [...new Set(named)];
  if (webIdentity && providers.length === 0) providers.push('');
  const verdicts = providers.filter((provider) => reachable(statement, provider)).map((provider) => verdictFor(statement, statements, provider));
  const foreignAdmitted = verdicts.some((verdict) => verdict.foreign);
  let ownerWildcard = false;
  let conditionError = false;
  for (const test of statement.conditions.filter((t, i, all) => !t.operator && all.findIndex((u) => u.operatorName === t.operatorName) === i)) {
    add('unknown-operator', 'warning', test.path.slice(0, -1), `${test.operatorName} is not an IAM condition operator: IAM refuses the document, and the lint cannot tell what it would check.`, 'Use one of IAM’s operators, such as StringEquals or StringLike.');
  }
  for (const test of statement.conditions) {
    const result = conditionFindings(test, foreignAdmitted);
    ownerWildcard ||= result.ownerWildcard;
    for (const finding of result.findings) {
      conditionError ||= finding.severity === 'error';
      add(finding.id, finding.severity, finding.path, finding.message, finding.fix);
    }
  }

  const conditionPath = statement.conditions.length > 0 ? [...statement.path, 'Condition'] : statement.path;
  for (const verdict of verdicts) {
    const { provider } = verdict;
    const label = verdicts.length > 1 ? ` for tokens of ${provider || 'any provider'}` : '';
    const keyPrefix = provider || '<issuer host>';
    const idKey = `${keyPrefix}:${provider.includes('gitlab') ? 'project_id' : 'repository_id'}`;
    const bindingShaped = statement.conditions.some((test) => test.prefix === provider && (test.claim === 'sub' || REPOSITORY_ID_CLAIMS.includes(test.claim)) && failsClosed(test));
    // A binding-shaped condition that does not bind has its own error above, which says why.
    if (verdict.foreign && (!bindingShaped || !conditionError)) {
      add(
        'no-sub-condition',
        'error',
        conditionPath,
        `The statement does not bind the token’s \`sub\`${label}: no StringEquals or StringLike on ${keyPrefix}:sub names a repository (nor does StringEquals on ${idKey}), so any repository that can get a token from this issuer may assume the role.`,
        `Add a StringEquals (or StringLike) condition on ${keyPrefix}:sub, such as ${subjectExample(provider)}, or StringEquals on ${idKey}.`,
      );
    }
    if (verdict.sibling && !ownerWildcard) {
      add('org-wide', 'warning', conditionPath, `The statement binds only an owner${label}: every repository of that owner, present and future, may assume the role.`, `Bind one repository too: StringEquals on ${idKey}, or its full name in ${keyPrefix}:sub.`);
    }
    if (verdict.pullRequests.length > 0) {
      add(
        'pull-request',
        'error',
        conditionPath,
        `The statement admits pull request jobs${label}: a token with the subject "${verdict.pullRequests[0]}" (ref refs/pull/N/merge, event pull_request) satisfies it, so whoever opens a pull request (from a fork too, where forks' workflows may have tokens) can run code with the role.`,
        `Bind the subject to a protected branch or environment (repo:OWNER/REPO:ref:refs/heads/main, repo:OWNER/REPO:environment:NAME), or require StringEquals on ${keyPrefix}:ref.`,
      );
    }
    if (!pinsAudience(statement, provider)) {
      add('no-aud-condition', 'warning', conditionPath, `The statement does not pin the token’s \`aud\`${label} with StringEquals.`, `Add StringEquals ${keyPrefix}:aud = sts.amazonaws.com.`);
    }
  }
  return findings;
}

interface ConditionFinding {
  id: string;
  severity: Finding['severity'];
  path: JsonPath;
  message: string;
  fix: string;
}

/**
 * What is wrong with one condition of an Allow statement. A test on a binding key (sub, an ID) that does
 * not bind is reported while the statement admits other owners' repositories, as the reason; a test on
 * another key that fails open is a restriction that may not hold.
 */
function conditionFindings(test: ConditionTest, foreignAdmitted: boolean): { findings: ConditionFinding[]; ownerWildcard: boolean } {
  const findings: ConditionFinding[] = [];
  let ownerWildcard = false;
  const { operator, operatorName, key } = test;
  const binding = BINDING_CLAIMS.includes(test.claim);
  const add = (id: string, severity: Finding['severity'], message: string, fix: string, path = test.path): void => {
    findings.push({ id, severity, path, message, fix });
  };
  const notBinding = (id: string, message: string, fix: string): void => {
    if (!binding) add(id, 'warning', message, fix);
    else if (foreignAdmitted) add(id, 'error', message, fix);
  };
  if (!operator) return { findings, ownerWildcard };
  if (operator.set === 'ForAllValues') {
    notBinding('for-all-values', `${operatorName} on ${key} holds when the claim is absent or the key misspelt, so it can allow any token.`, 'Use StringEquals or StringLike for single-valued claims.');
  } else if (operator.ifExists) {
    notBinding('if-exists', `${operatorName} on ${key} holds when the key is absent (misspelt, or a token of another provider), so it binds nothing.`, `Use ${operatorName.replace(/IfExists$/i, '')}: a trust policy’s condition must fail when its claim is missing.`);
  }
  if (binding && foreignAdmitted && operator.negated) {
    add('negated-condition', 'error', `${operatorName} on ${key} holds for every value but those listed (and when the claim is absent): it excludes some jobs, it binds none.`, `Bind ${key} with StringEquals or StringLike; a negated test can only narrow such a binding.`);
  }
  if (binding && foreignAdmitted && operator.kind === 'null') {
    add('null-condition', 'error', `Null on ${key} tests only whether the claim is present, not what it says: it binds nothing.`, `Bind the value of ${key} with StringEquals.`);
  }
  if (!isPositiveComparison(test)) return { findings, ownerWildcard };

  if (operator.kind === 'like' && !test.values.some((value) => hasWildcard(value.tokens))) {
    add('string-like-without-wildcard', 'warning', `${operatorName} on ${key} has no wildcard: it works as StringEquals, and a later edit that adds one widens it silently.`, `Use StringEquals for ${key}.`);
  }
  for (const value of test.values) {
    const quoted = JSON.stringify(value.text);
    if (operator.kind === 'exact') {
      if (/[*?]/.test(value.text)) {
        add('literal-wildcard', 'warning', `${operatorName} compares ${key} with ${quoted} character for character: "*" and "?" are not wildcards here, so no CI token is likely to carry this value.`, 'Correct the value; if a pattern was meant, use StringLike with the owner and repository written out.', value.path);
      } else if (test.claim === 'sub' && subjectScope(value.tokens).scope === 'unrecognised') {
        add('unrecognised-subject', 'warning', `${key} must equal ${quoted}, which is not a subject format the lint knows to name a repository (repo:OWNER/REPO:…, project_path:…): where an issuer lets repositories customise their subject (GitHub does), another repository may produce it.`, `Use the issuer’s default subject format, such as ${subjectExample(test.prefix)}, or bind ${test.prefix}:repository_id as well.`, value.path);
      }
      continue;
    }
    if (!hasWildcard(value.tokens)) continue;
    if (test.claim === 'sub') {
      const { scope, named } = subjectScope(value.tokens);
      const fix = `Spell out the subject (${subjectExample(test.prefix)}), or list the exact values.`;
      if (scope === 'open') add('wildcard', foreignAdmitted ? 'error' : 'warning', `${key} accepts ${quoted}, which does not pin an owner: repositories of anyone can match it.`, fix, value.path);
      else if (scope === 'owner') {
        ownerWildcard = true;
        add('wildcard', 'warning', `${key} accepts ${quoted}: every repository under ${named}, present and future, can match it.`, fix, value.path);
      } else add('wildcard', 'warning', `${key} accepts ${quoted}: any job of ${named} whose subject fits, whatever branch, tag or environment the pattern lets through.`, fix, value.path);
    } else if (binding) {
      add('wildcard', foreignAdmitted ? 'error' : 'warning', `${key} accepts ${quoted}, which matches other repositories’ (or owners’) IDs.`, `Compare ${key} with StringEquals and the exact numeric ID.`, value.path);
    } else {
      add('wildcard', 'warning', `${key} accepts ${quoted}.`, wildcardFix(test), value.path);
    }
  }
  return { findings, ownerWildcard };
}

function wildcardFix(test: ConditionTest): string {
  switch (test.claim) {
    case 'aud':
      return `Compare the audience exactly: StringEquals ${test.key} = sts.amazonaws.com.`;
    case 'ref':
      return `List the exact refs with StringEquals on ${test.key} (refs/heads/main, refs/tags/v1.2.3).`;
    case 'job_workflow_ref':
      return `Pin the reusable workflow and its ref exactly with StringEquals on ${test.key}: OWNER/REPO/.github/workflows/FILE.yml@refs/heads/main.`;
    case 'environment':
      return `List the exact environment names with StringEquals on ${test.key}.`;
    default:
      return `List the exact values of ${test.key} with StringEquals.`;
  }
}

/** A subject that names one repository, in the issuer's format where the lint can tell it. */
function subjectExample(provider: string): string {
  if (provider.includes('gitlab')) return 'project_path:GROUP/PROJECT:ref_type:branch:ref:main';
  if (provider.includes('circleci')) return 'org/ORG_ID/project/PROJECT_ID/user/USER_ID';
  if (provider.includes('buildkite')) return 'organization:ORG:pipeline:PIPELINE:ref:refs/heads/main:…';
  return 'repo:OWNER/REPO:environment:NAME or :ref:refs/heads/BRANCH';
}

/** A test a value must match, which fails when the key is missing. */
function failsClosed(test: ConditionTest): boolean {
  return isPositiveComparison(test) && !test.operator!.ifExists && test.operator!.set !== 'ForAllValues';
}

function pinsAudience(statement: TrustStatement, provider: string): boolean {
  return statement.conditions.some((test) => test.prefix === provider && test.claim === 'aud' && failsClosed(test) && test.values.length > 0 && !test.values.some((value) => hasWildcard(value.tokens)));
}
