import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { policyLint, policyValidate } from '../../../src/cli/commands/policy.ts';
import { BrokerError, ErrorCode } from '../../../src/errors/broker-error.ts';
import { evaluatePolicy } from '../../../src/policy/evaluate.ts';
import { loadPolicyFile, parsePolicy } from '../../../src/policy/load.ts';
import { GITHUB_ACTIONS_ISSUER } from '../../../src/policy/types.ts';
import { rejection, thrown } from '../../helpers/broker-error.ts';

const ROLE = 'arn:aws:iam::111122223333:role/deploy';
const GRANT = `    grant: {aws: {roles: [${ROLE}]}}\n`;

/** The problem lines of an invalid policy, without the heading. */
function problems(text: string): string[] {
  try {
    parsePolicy(text, 'p.yml');
  } catch (error) {
    if (!(error instanceof BrokerError)) throw error;
    expect(error.code).toBe(ErrorCode.PolicyInvalid);
    const [heading, ...lines] = error.message.split('\n');
    expect(heading).toBe('The policy p.yml is invalid:');
    return lines;
  }
  throw new Error('the policy was accepted');
}

describe('parsePolicy', () => {
  it('reads rules in file order with their defaults and locations', () => {
    const policy = parsePolicy(
      [
        'version: 1',
        'rules:',
        '  - name: no-forks',
        '    effect: deny',
        '    match:',
        '      event_name: [pull_request, pull_request_target]',
        '  - name: deploy',
        '    match:',
        '      repository_id: "8429"',
        '      ref: refs/heads/main',
        '    grant:',
        '      aws:',
        `        roles: [${ROLE}]`,
        '        max-duration: 1h30m',
        '  - name: read-only',
        '    match: {repository_owner_id: "1342004"}',
        GRANT,
      ].join('\n'),
      'p.yml',
    );
    expect(policy.issuers).toEqual([GITHUB_ACTIONS_ISSUER]);
    expect(policy.audiences).toEqual([]);
    expect(policy.rules.map((r) => [r.name, r.effect])).toEqual([
      ['no-forks', 'deny'],
      ['deploy', 'allow'],
      ['read-only', 'allow'],
    ]);
    const [deny, deploy, readOnly] = policy.rules;
    expect(deny!.grant).toBeUndefined();
    expect(deny!.conditions[0]!.matcher).toEqual({ kind: 'equals', values: ['pull_request', 'pull_request_target'] });
    expect(deploy!.conditions.map((c) => [c.claim, c.matcher, c.location.line])).toEqual([
      ['repository_id', { kind: 'equals', values: ['8429'] }, 9],
      ['ref', { kind: 'equals', values: ['refs/heads/main'] }, 10],
    ]);
    expect(deploy!.grant?.aws).toEqual({ roles: [ROLE], maxDurationSeconds: 5400, sessionPolicy: undefined, chainTo: [] });
    expect(deploy!.location).toEqual({ file: 'p.yml', line: 7, column: 5 });
    // Without max-duration a rule grants one hour.
    expect(readOnly!.grant?.aws?.maxDurationSeconds).toBe(3600);
  });

  it('keeps the issuers and audiences it is given', () => {
    const policy = parsePolicy(`version: 1\nissuers: [https://gitlab.example.com]\naudiences: [sts.amazonaws.com]\nrules: []\n`, 'p.yml');
    expect(policy.issuers).toEqual(['https://gitlab.example.com']);
    expect(policy.audiences).toEqual(['sts.amazonaws.com']);
  });

  it.each([
    ['a YAML syntax error', 'version: 1\nrules: [\n', 'p.yml:3:1: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['a duplicate key', 'version: 1\nversion: 1\nrules: []\n', 'p.yml:2:1: duplicate key; each key may appear once in a mapping'],
    ['a wrong version', 'version: 2\nrules: []\n', 'p.yml:1:10: `version` must be 1'],
    ['an unquoted numeric claim', `version: 1\nrules:\n  - name: a\n    match:\n      repository_id: 8429\n${GRANT}`, 'p.yml:5:22: `rules.0.match.repository_id` must be a string, a list of strings, {glob: PATTERN} or {regex: PATTERN}; quote numbers (for example "8429") because token claims are strings'],
    ['a claim value of an unknown form', `version: 1\nrules:\n  - name: a\n    match:\n      ref: {globe: "refs/*"}\n${GRANT}`, 'p.yml:5:12: `rules.0.match.ref` must be a string, a list of strings, {glob: PATTERN} or {regex: PATTERN}; quote numbers (for example "8429") because token claims are strings'],
    ['an invalid regex', `version: 1\nrules:\n  - name: a\n    match:\n      ref: {regex: "refs/(heads"}\n${GRANT}`, 'p.yml:5:20: the regex for ref is not a valid RE2 regular expression (missing closing ): `refs/(heads`)'],
    ['an invalid glob', `version: 1\nrules:\n  - name: a\n    match:\n      ref: {glob: "refs/***"}\n${GRANT}`, 'p.yml:5:19: the glob for ref has three or more `*` in a row; use `*` within a segment or `**` across segments'],
    ['an empty list of values', `version: 1\nrules:\n  - name: a\n    match:\n      ref: []\n${GRANT}`, 'p.yml:5:12: `rules.0.match.ref` must not be an empty list'],
    ['an empty match', `version: 1\nrules:\n  - name: a\n    match: {}\n${GRANT}`, 'p.yml:4:12: `rules.0.match` is empty; a rule must check at least one claim'],
    ['a malformed role ARN', 'version: 1\nrules:\n  - name: a\n    match: {ref: x}\n    grant: {aws: {roles: [arn:aws:iam::1111:role/r]}}\n', 'p.yml:5:27: `rules.0.grant.aws.roles.0` is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)'],
    ['a malformed duration', `version: 1\nrules:\n  - name: a\n    match: {ref: x}\n    grant: {aws: {roles: [${ROLE}], max-duration: 15x}}\n`, 'p.yml:5:81: `rules.0.grant.aws.max-duration` must be a number of seconds (900) or a duration such as "15m" or "1h30m"'],
    ['a duration beyond 12 hours', `version: 1\nrules:\n  - name: a\n    match: {ref: x}\n    grant: {aws: {roles: [${ROLE}], max-duration: 13h}}\n`, 'p.yml:5:81: max-duration "13h" is not between 15m (900 s) and 12h (43200 s)'],
    ['a duration under 15 minutes', `version: 1\nrules:\n  - name: a\n    match: {ref: x}\n    grant: {aws: {roles: [${ROLE}], max-duration: 600}}\n`, 'p.yml:5:81: max-duration 600 is not between 15m (900 s) and 12h (43200 s)'],
    ['an unknown effect', 'version: 1\nrules:\n  - name: a\n    effect: permit\n    match: {ref: x}\n', 'p.yml:4:13: `rules.0.effect` must be one of "allow", "deny"'],
    ['an unknown grant field', 'version: 1\nrules:\n  - name: a\n    match: {ref: x}\n    grant: {azure: {}}\n', 'p.yml:5:13: unknown key "azure" in `rules.0.grant`'],
    ['a deny rule with a grant', `version: 1\nrules:\n  - name: a\n    effect: deny\n    match: {ref: x}\n${GRANT}`, 'p.yml:6:5: deny rule "a" has a grant; deny rules grant nothing'],
    ['an allow rule without a grant', 'version: 1\nrules:\n  - name: a\n    match: {ref: x}\n', 'p.yml:3:5: allow rule "a" has no grant; say what it allows under `grant:`'],
  ])('refuses %s with its file:line:column', (_what, text, problem) => {
    expect(problems(text)).toEqual([problem]);
  });

  it('points at a misspelt key, and at the key it replaced', () => {
    expect(problems(`version: 1\nrules:\n  - name: a\n    mach:\n      ref: x\n${GRANT}`)).toEqual([
      'p.yml:3:5: `rules.0` is missing the required key "match"',
      'p.yml:4:5: unknown key "mach" in `rules.0`',
    ]);
  });

  it('reports a rule name used twice at its second use', () => {
    expect(problems(`version: 1\nrules:\n  - name: a\n    match: {ref: x}\n${GRANT}  - name: a\n    match: {ref: y}\n${GRANT}`)).toEqual([
      'p.yml:6:11: the rule name "a" is used twice; names must be unique',
    ]);
  });

  it('reports every problem at once, in line order', () => {
    expect(problems('rules:\n  - match: {ref: x}\n')).toEqual([
      'p.yml:1:1: the policy is missing the required key "version"',
      'p.yml:2:5: `rules.0` is missing the required key "name"',
      'p.yml:2:5: allow rule #1 has no grant; say what it allows under `grant:`',
    ]);
  });

  it.each([
    ['15m', 900],
    ['1h30m', 5400],
    ['900', 900],
    ['"900s"', 900],
    ['12h', 43_200],
  ])('reads max-duration %s as %p seconds', (written, seconds) => {
    const policy = parsePolicy(`version: 1\nrules:\n  - name: a\n    match: {ref: x}\n    grant: {aws: {roles: [${ROLE}], max-duration: ${written}}}\n`, 'p.yml');
    expect(policy.rules[0]!.grant?.aws?.maxDurationSeconds).toBe(seconds);
  });

  it('reads glob and regex conditions as such', () => {
    const policy = parsePolicy(`version: 1\nrules:\n  - name: a\n    match:\n      ref: {glob: "refs/tags/v*"}\n      sha: {regex: "[0-9a-f]{40}"}\n${GRANT}`, 'p.yml');
    expect(policy.rules[0]!.conditions.map((c) => [c.claim, c.matcher.kind, 'pattern' in c.matcher ? c.matcher.pattern : undefined])).toEqual([
      ['ref', 'glob', 'refs/tags/v*'],
      ['sha', 'regex', '[0-9a-f]{40}'],
    ]);
  });

  it.each([
    ['a policy without rules', 'version: 1\n', ['p.yml:1:1: the policy is missing the required key "rules"']],
    ['an empty document', '', ['p.yml:1:1: the policy must be of type object']],
    ['rules that are not a list', 'version: 1\nrules: {}\n', ['p.yml:2:8: `rules` must be of type array']],
    ['a version written as a string', 'version: "1"\nrules: []\n', ['p.yml:1:10: `version` must be 1']],
    ['a tab used for indentation', 'version: 1\nrules:\n\t- name: a\n', ['p.yml:3:1: YAML syntax: Tabs are not allowed as indentation']],
    ['a duplicate claim inside a rule', `version: 1\nrules:\n  - name: a\n    match:\n      ref: x\n      ref: y\n${GRANT}`, ['p.yml:6:7: duplicate key; each key may appear once in a mapping']],
    ['a misspelt top-level key', 'version: 1\nrule: []\n', ['p.yml:1:1: the policy is missing the required key "rules"', 'p.yml:2:1: unknown key "rule" in the policy']],
    ['a misspelt effect, without a second error for the grant it then seems to lack', 'version: 1\nrules:\n  - name: a\n    efect: deny\n    match: {event_name: push}\n', ['p.yml:4:5: unknown key "efect" in `rules.0`']],
    ['an unquoted number in a list of values', `version: 1\nrules:\n  - name: a\n    match:\n      environment: [prod, 1]\n${GRANT}`, ['p.yml:5:27: `rules.0.match.environment.1` must be a string, a list of strings, {glob: PATTERN} or {regex: PATTERN}; quote numbers (for example "8429") because token claims are strings']],
    ['an unquoted boolean claim', `version: 1\nrules:\n  - name: a\n    match:\n      ref_protected: true\n${GRANT}`, ['p.yml:5:22: `rules.0.match.ref_protected` must be a string, a list of strings, {glob: PATTERN} or {regex: PATTERN}; quote numbers (for example "8429") because token claims are strings']],
    ['a rule name with a space', `version: 1\nrules:\n  - name: "has space"\n    match: {ref: x}\n${GRANT}`, ['p.yml:3:11: `rules.0.name` does not have the expected form (^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$)']],
    ['an empty list of roles', 'version: 1\nrules:\n  - name: a\n    match: {ref: x}\n    grant: {aws: {roles: []}}\n', ['p.yml:5:26: `rules.0.grant.aws.roles` must not be an empty list']],
    ['an AWS grant without roles', 'version: 1\nrules:\n  - name: a\n    match: {ref: x}\n    grant: {aws: {max-duration: 900}}\n', ['p.yml:5:18: `rules.0.grant.aws` is missing the required key "roles"']],
    ['an empty grant', 'version: 1\nrules:\n  - name: a\n    match: {ref: x}\n    grant: {}\n', ['p.yml:5:12: `rules.0.grant` is empty']],
    ['an empty list of issuers', 'version: 1\nissuers: []\nrules: []\n', ['p.yml:2:10: `issuers` must not be an empty list']],
    ['an issuer over plain http', 'version: 1\nissuers: [http://ci.example.com]\nrules: []\n', ['p.yml:2:11: issuer "http://ci.example.com": does not use https.']],
    ['a duration that is not whole seconds', `version: 1\nrules:\n  - name: a\n    match: {ref: x}\n    grant: {aws: {roles: [${ROLE}], max-duration: 900.5}}\n`, ['p.yml:5:81: `rules.0.grant.aws.max-duration` must be a number of seconds (900) or a duration such as "15m" or "1h30m"']],
    ['a duration one second under 15 minutes', `version: 1\nrules:\n  - name: a\n    match: {ref: x}\n    grant: {aws: {roles: [${ROLE}], max-duration: 899}}\n`, ['p.yml:5:81: max-duration 899 is not between 15m (900 s) and 12h (43200 s)']],
    ['a duration one second over 12 hours', `version: 1\nrules:\n  - name: a\n    match: {ref: x}\n    grant: {aws: {roles: [${ROLE}], max-duration: 43201}}\n`, ['p.yml:5:81: max-duration 43201 is not between 15m (900 s) and 12h (43200 s)']],
  ])('refuses %s, saying where', (_what, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it('reports every schema problem of several rules at once', () => {
    const text = `version: 1\nrules:\n  - name: a\n    mach: {ref: x}\n${GRANT}  - match: {ref: 1}\n    grant: {aws: {roles: [arn:aws:iam::1:role/x]}}\n`;
    expect(problems(text)).toEqual([
      'p.yml:3:5: `rules.0` is missing the required key "match"',
      'p.yml:4:5: unknown key "mach" in `rules.0`',
      'p.yml:6:5: `rules.1` is missing the required key "name"',
      'p.yml:6:18: `rules.1.match.ref` must be a string, a list of strings, {glob: PATTERN} or {regex: PATTERN}; quote numbers (for example "8429") because token claims are strings',
      'p.yml:7:27: `rules.1.grant.aws.roles.0` is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)',
    ]);
  });

  it('reports every rule-level problem at once, in line order', () => {
    const text = [
      'version: 1',
      'rules:',
      '  - name: a',
      '    match: {ref: x}',
      '  - name: a',
      '    effect: deny',
      '    match: {ref: y}',
      GRANT + '  - name: b',
      '    match: {ref: z}',
      `    grant: {aws: {roles: [${ROLE}], max-duration: 13h}}`,
      '',
    ].join('\n');
    expect(problems(text)).toEqual([
      'p.yml:3:5: allow rule "a" has no grant; say what it allows under `grant:`',
      'p.yml:5:11: the rule name "a" is used twice; names must be unique',
      'p.yml:8:5: deny rule "a" has a grant; deny rules grant nothing',
      'p.yml:11:81: max-duration "13h" is not between 15m (900 s) and 12h (43200 s)',
    ]);
  });

  it('reads operators with the same matchers as rules, an issuer becoming a condition on iss; none by default', () => {
    const text = ['version: 1', 'rules: []', 'operators:', '  - name: oncall', `    issuer: ${GITHUB_ACTIONS_ISSUER}`, '    match:', '      repository_id: "777"', '      ref: {glob: refs/heads/*}', ''].join('\n');
    const [operator] = parsePolicy(text, 'p.yml').operators;
    expect(operator!.name).toBe('oncall');
    expect(operator!.conditions.map((c) => [c.claim, c.matcher.kind, c.location.line])).toEqual([
      ['iss', 'equals', 5],
      ['repository_id', 'equals', 7],
      ['ref', 'glob', 8],
    ]);
    expect(operator!.location).toEqual({ file: 'p.yml', line: 4, column: 5 });
    expect(parsePolicy('version: 1\nrules: []\n', 'p.yml').operators).toEqual([]);
  });

  it('checks operators as it checks rules: names, issuers, claims, patterns and types', () => {
    const text = [
      'version: 1',
      'rules: []',
      'operators:',
      '  - name: a',
      '    match: {repository_id: 777}',
      '  - name: a',
      '    issuer: https://gitlab.example.com',
      '    match: {repo: x, ref: {regex: "(?=x)"}}',
      '  - name: c',
      '    match: {}',
      '    grant: {aws: {roles: []}}',
      '',
    ].join('\n');
    expect(problems(text)).toEqual([
      'p.yml:5:28: `operators.0.match.repository_id` must be a string, a list of strings, {glob: PATTERN} or {regex: PATTERN}; quote numbers (for example "8429") because token claims are strings',
      'p.yml:6:11: the operator name "a" is used twice; names must be unique',
      'p.yml:7:13: operator "a" names the issuer "https://gitlab.example.com", which is not among the policy\'s issuers',
      // Claims are those of the operator's own issuer.
      expect.stringMatching(/^p\.yml:8:13: the claim "repo" is not one that GitLab CI tokens carry/),
      expect.stringMatching(/^p\.yml:8:35: the regex for ref is not a valid RE2 regular expression/),
      'p.yml:10:12: `operators.2.match` is empty; a rule must check at least one claim',
      'p.yml:11:5: unknown key "grant" in `operators.2`',
    ]);
    expect(problems('version: 1\nrules: []\noperators: []\n')).toEqual(['p.yml:3:12: `operators` must not be an empty list']);
  });

  it('tells the author where the format is described', () => {
    const error = thrown(() => parsePolicy('version: 2\nrules: []\n', 'p.yml'));
    expect(error.code).toBe(ErrorCode.PolicyInvalid);
    expect(error.hint).toBe('Fix each listed line; the format is described in schema/policy.schema.json and the README.');
  });

  it('refuses what RE2 refuses though V8 would run it, at each line and column, and explains the dialect once', () => {
    const text = [
      'version: 1',
      'rules:',
      '  - name: a',
      '    match:',
      '      sub: {regex: "repo:octo-org/\\\\p{Letter}+"}',
      '      ref: {regex: "refs/heads/(?!main).*"}',
      '      environment: {regex: "prod(uction)?"}',
      '      job_workflow_ref: {regex: "[a-z]{1,1001}"}',
      GRANT,
    ].join('\n');
    const error = thrown(() => parsePolicy(text, 'p.yml'));
    expect(error.message.split('\n').slice(1)).toEqual([
      'p.yml:5:20: the regex for sub is not a valid RE2 regular expression (invalid character class range: `\\p{Letter}`)',
      'p.yml:6:20: the regex for ref is not a valid RE2 regular expression (invalid or unsupported Perl syntax: `(?!`)',
      'p.yml:8:33: the regex for job_workflow_ref is not a valid RE2 regular expression (invalid repeat count: `{1,1001}`)',
    ]);
    expect(error.location).toEqual({ file: 'p.yml', line: 5, column: 20 });
    expect(error.hint.match(/Regexes use RE2 syntax, as Google CEL does/g)).toHaveLength(1);
  });

  it('accepts what only backtracking engines find slow: RE2 runs it in linear time', () => {
    const policy = parsePolicy(`version: 1\nrules:\n  - name: a\n    match:\n      ref: {regex: "(a+)+|.*a.*a"}\n${GRANT}`, 'p.yml');
    expect(evaluatePolicy(policy, { iss: 'https://token.actions.githubusercontent.com', ref: `${'a'.repeat(10_000)}!` }).allowed).toBe(false);
  });

  it('refuses an alias to an anchor never set, and an alias bomb, at the alias', () => {
    expect(problems('version: 1\nrules: [*rule]\n')).toEqual(['p.yml:2:9: YAML aliases: Unresolved alias (the anchor must be set before the alias): rule']);
    const tens = (name: string, of: string) => `${name}: &${name} [${Array(10).fill(of).join(', ')}]`;
    const bomb = ['version: 1', tens('a', 'x'), tens('b', '*a'), tens('c', '*b'), tens('d', '*c'), 'rules: []'].join('\n');
    expect(problems(bomb)).toEqual(['p.yml:3:8: YAML aliases: Excessive alias count indicates a resource exhaustion attack']);
  });

  it('locates the first problem for annotations', () => {
    let error: BrokerError | undefined;
    try {
      parsePolicy('version: 1\nrules:\n  - name: a\n    effect: permit\n    match: {ref: x}\n', 'policies/ci.yml');
    } catch (e) {
      error = e as BrokerError;
    }
    expect(error?.location).toEqual({ file: 'policies/ci.yml', line: 4, column: 13 });
  });
});

describe('loadPolicyFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'policy-'));
    await mkdir(join(dir, 'policies'));
    await writeFile(join(dir, 'policies', 'deploy.json'), '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]\n}\n');
    await writeFile(join(dir, 'policies', 'broken.json'), '{ "Statement": ');
    await writeFile(join(dir, 'policies', 'no-statement.json'), '{"Version": "2012-10-17"}');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const withSessionPolicy = (file: string) => `version: 1\nrules:\n  - name: a\n    match: {ref: x}\n    grant:\n      aws:\n        roles: [${ROLE}]\n        session-policy: ${file}\n`;

  it('reads a policy inside the repository and names it by its path there', async () => {
    await writeFile(join(dir, 'ok.yml'), `version: 1\nrules:\n  - name: a\n    match: {ref: x}\n${GRANT}`);
    expect((await loadPolicyFile(join(dir, 'ok.yml'), dir)).source).toBe('ok.yml');
  });

  it('reads the session policy a grant names, by its path from the repository root, compacted', async () => {
    await writeFile(join(dir, '.github-policy.yml'), withSessionPolicy('policies/deploy.json'));
    const policy = await loadPolicyFile(join(dir, '.github-policy.yml'), dir);
    expect(policy.rules[0]!.grant?.aws?.sessionPolicy?.document).toBe('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}');
  });

  it.each([
    ['policies/missing.json', 'the session policy policies/missing.json does not exist'],
    ['policies/broken.json', 'the session policy policies/broken.json is not valid JSON'],
    ['policies/no-statement.json', 'the session policy policies/no-statement.json has no Statement'],
    ['../outside.json', "the session policy ../outside.json is outside the policy's repository"],
  ])('points at a session policy %p that cannot be used', async (file, problem) => {
    await writeFile(join(dir, 'bad-session.yml'), withSessionPolicy(file));
    const error = await rejection(loadPolicyFile(join(dir, 'bad-session.yml'), dir));
    expect(error.code).toBe(ErrorCode.PolicyInvalid);
    expect(error.message).toBe(`The policy bad-session.yml is invalid:\nbad-session.yml:8:25: ${problem}`);
  });

  it('says where the policy was expected and how to provide it', async () => {
    const error = await rejection(loadPolicyFile(join(dir, 'missing.yml'), dir));
    expect(error.code).toBe(ErrorCode.PolicyNotFound);
    expect(error.message).toBe('No policy file at missing.yml.');
    expect(error.hint).toBe(
      'Create it (the default is .github/ci-oidc-broker.yml, on a protected branch), or point the `policy` input at your policy.',
    );
  });

  it('takes a policy outside the current directory as the root of its own repository', async () => {
    // The temporary directory is outside the working directory the tests run in.
    await writeFile(join(dir, 'standalone.yml'), `version: 1\nrules:\n  - name: a\n    match: {ref: x}\n${GRANT}`);
    expect((await loadPolicyFile(join(dir, 'standalone.yml'))).source).toBe('standalone.yml');
    const error = await rejection(loadPolicyFile(join(dir, 'absent.yml')));
    expect(error.code).toBe(ErrorCode.PolicyNotFound);
    expect(error.message).toBe('No policy file at absent.yml.');
  });

  it('reports an invalid policy file with locations named by its path in the repository', async () => {
    await writeFile(join(dir, 'policies', 'typo.yml'), `version: 1\nrules:\n  - name: a\n    mach: {ref: x}\n${GRANT}`);
    const error = await rejection(loadPolicyFile(join(dir, 'policies', 'typo.yml'), dir));
    expect(error.code).toBe(ErrorCode.PolicyInvalid);
    expect(error.message).toBe(
      'The policy policies/typo.yml is invalid:\npolicies/typo.yml:3:5: `rules.0` is missing the required key "match"\npolicies/typo.yml:4:5: unknown key "mach" in `rules.0`',
    );
    expect(error.location).toEqual({ file: 'policies/typo.yml', line: 3, column: 5 });
  });

  it.each([
    ['policy validate', policyValidate, 1],
    ['policy lint', policyLint, 2],
  ] as const)('is reported by %s --format json as one object per problem', async (_command, command, exitCode) => {
    await writeFile(join(dir, 'two-problems.yml'), `version: 1\nrules:\n  - name: a\n    effect: deny\n    match: {event: push}\n  - name: b\n    match: {ref: x}\n`);
    const written: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => written.push(String(chunk)) > 0);
    try {
      expect(await command(join(dir, 'two-problems.yml'), { root: dir, format: 'json' })).toBe(exitCode);
    } finally {
      write.mockRestore();
    }
    expect(JSON.parse(written.join(''))).toEqual({
      valid: false,
      file: 'two-problems.yml',
      problems: [
        { file: 'two-problems.yml', line: 5, column: 13, code: 'unknown-claim', message: 'the claim "event" is not one that GitHub Actions tokens carry; did you mean "event_name"?', hint: expect.stringContaining('custom-claims') as unknown },
        { file: 'two-problems.yml', line: 6, column: 5, code: 'allow-without-grant', message: 'allow rule "b" has no grant; say what it allows under `grant:`', hint: 'The format is described in schema/policy.schema.json and the README.' },
      ],
    });
  });

  it('reports every session policy that cannot be used, not only the first', async () => {
    const rule = (name: string, file: string) => `  - name: ${name}\n    match: {ref: x}\n    grant: {aws: {roles: [${ROLE}], session-policy: ${file}}}\n`;
    await writeFile(join(dir, 'two-bad.yml'), `version: 1\nrules:\n${rule('a', 'policies/missing.json')}${rule('b', 'policies/broken.json')}`);
    const error = await rejection(loadPolicyFile(join(dir, 'two-bad.yml'), dir));
    expect(error.problems.map((p) => [p.location.line, p.code, p.message])).toEqual([
      [5, 'session-policy', 'the session policy policies/missing.json does not exist'],
      [8, 'session-policy', 'the session policy policies/broken.json is not valid JSON'],
    ]);
  });
});

describe('a rule’s issuer', () => {
  const text = (issuer: string) =>
    `version: 1\nissuers: [https://gitlab.com, ${GITHUB_ACTIONS_ISSUER}]\nrules:\n  - name: gitlab\n    issuer: ${issuer}\n    match: {project_id: "22"}\n    grant: {aws: {roles: [arn:aws:iam::111122223333:role/deploy]}}\n`;

  it('becomes the rule’s first condition, on iss, located at the issuer key', () => {
    const [rule] = parsePolicy(text('https://gitlab.com'), 'p.yml').rules;
    expect(rule!.conditions.map((c) => [c.claim, c.matcher])).toEqual([
      ['iss', { kind: 'equals', values: ['https://gitlab.com'] }],
      ['project_id', { kind: 'equals', values: ['22'] }],
    ]);
    expect(rule!.conditions[0]!.location).toEqual({ file: 'p.yml', line: 5, column: 13 });
  });

  it('must be one of the policy’s issuers', () => {
    const error = thrown(() => parsePolicy(text('https://gitlab.example.com'), 'p.yml'));
    expect(error.message).toContain('p.yml:5:13: rule "gitlab" names the issuer "https://gitlab.example.com", which is not among the policy\'s issuers');
  });
});

describe('claim names', () => {
  const GITLAB = 'https://gitlab.com';
  const CIRCLECI = 'https://oidc.circleci.com/org/8ac2a7b5-1b0b-4c4a-9f3e-2b7a2d6c1e90';
  const SELF_HOSTED = 'https://ci.example.com';
  /** A policy with one deny rule (no grant to write) matching `match`, for the issuers given. */
  const deny = (match: string, head = '') => `version: 1\n${head}rules:\n  - name: r\n    effect: deny\n    match:\n      ${match}\n`;

  it.each([
    ['`event` for `event_name` in a deny rule', deny('event: [pull_request, pull_request_target]'), 'p.yml:6:7: the claim "event" is not one that GitHub Actions tokens carry; did you mean "event_name"?'],
    [
      '`repositry_id` in an allow rule',
      `version: 1\nrules:\n  - name: r\n    match:\n      ref: refs/heads/main\n      repositry_id: "8429"\n${GRANT}`,
      'p.yml:6:7: the claim "repositry_id" is not one that GitHub Actions tokens carry; did you mean "repository_id"?',
    ],
    ['a claim in another case', deny('Event_Name: pull_request'), 'p.yml:6:7: the claim "Event_Name" is not one that GitHub Actions tokens carry; did you mean "event_name"?'],
    ['a CircleCI claim without its prefix', deny('vcs-origin: github.com/octo-org/app', `issuers: ["${CIRCLECI}"]\n`), 'p.yml:7:7: the claim "vcs-origin" is not one that CircleCI tokens carry; did you mean "oidc.circleci.com/vcs-origin"?'],
    ['a GitHub claim on a GitLab rule', deny('repository_id: "22"', `issuers: [${GITLAB}]\n`), 'p.yml:7:7: the claim "repository_id" is not one that GitLab CI tokens carry'],
    ['a GitHub custom property not declared', deny('repo_property_team: platform'), 'p.yml:6:7: the claim "repo_property_team" is a custom property of the repository, which the organisation chooses to add to its tokens: declare it under `custom-claims`'],
    ['a claim of an issuer the broker does not model', deny('project: app', `issuers: [${SELF_HOSTED}]\n`), 'p.yml:7:7: the claim "project" is not declared under `custom-claims` (the broker does not know the claims of https://ci.example.com)'],
    ['a claim no token carries as a string', deny('runner_id: "7"', `issuers: [${GITLAB}]\n`), 'p.yml:7:7: the claim "runner_id" is a number in GitLab CI tokens, and conditions compare strings: this one would never hold'],
  ])('refuses %s, at the claim, saying what was meant', (_what, text, problem) => {
    expect(problems(text)).toEqual([problem]);
    expect(thrown(() => parsePolicy(text, 'p.yml')).problems[0]!.hint).toMatch(/a misspelt name silently disables its condition|never convert a number/);
  });

  it.each([
    ['every GitHub claim, the JWT claims among them', ['sub: x', 'aud: x', 'jti: x', 'event_name: push', 'repository_id: "1"', 'job_workflow_sha: x', 'ref_protected: "true"', 'check_run_id: "1"', 'environment_node_id: x'].join('\n      '), ''],
    ['GitLab claims, a list claim among them', ['project_id: "22"', 'job_project_id: "22"', 'ref_path: refs/heads/main', 'groups_direct: octo-group', 'ci_config_ref_uri: x'].join('\n      '), `issuers: [${GITLAB}]\n`],
    ['claims of either issuer, on a rule for both', 'project_id: "22"\n      repository_id: "8429"', `issuers: [${GITLAB}, ${GITHUB_ACTIONS_ISSUER}]\n`],
    ['declared custom claims', 'repo_property_team: platform\n      deploy_tier: gold', 'custom-claims: [repo_property_team, deploy_tier]\n'],
    ['the JWT and declared claims of an issuer the broker does not model', 'sub: "project:app"\n      project: app', `issuers: [${SELF_HOSTED}]\ncustom-claims: [project]\n`],
  ])('accepts %s', (_what, match, head) => {
    expect(parsePolicy(deny(match, head), 'p.yml').rules[0]!.conditions.length).toBeGreaterThan(0);
  });

  it('takes the rule’s own issuer over the policy’s', () => {
    const text = `version: 1\nissuers: [${GITLAB}, ${GITHUB_ACTIONS_ISSUER}]\nrules:\n  - name: r\n    effect: deny\n    issuer: ${GITLAB}\n    match: {repository_id: "8429"}\n`;
    expect(problems(text)).toEqual(['p.yml:7:13: the claim "repository_id" is not one that GitLab CI tokens carry']);
  });
});

describe('keys that would collapse into one', () => {
  it.each([
    ['a number and a string', '1000: x\n      "1000": y', 'p.yml:8:7: the key "1000" is written twice (as the number 1000 and as the string "1000"), which would become one key and drop a value; each key may appear once in a mapping'],
    ['a boolean and a string', 'true: x\n      "true": y', 'p.yml:8:7: the key "true" is written twice (as the boolean true and as the string "true"), which would become one key and drop a value; each key may appear once in a mapping'],
  ])('refuses %s, at the second key', (_what, keys, problem) => {
    const text = `version: 1\ncustom-claims: ["1000", "true"]\nrules:\n  - name: r\n    effect: deny\n    match:\n      ${keys}\n`;
    expect(problems(text)).toEqual([problem]);
  });

  it('accepts keys that stay apart', () => {
    const text = 'version: 1\ncustom-claims: ["1000", "1001"]\nrules:\n  - name: r\n    effect: deny\n    match:\n      1000: x\n      "1001": y\n';
    expect(parsePolicy(text, 'p.yml').rules[0]!.conditions.map((c) => c.claim)).toEqual(['1000', '1001']);
  });
});

describe('every problem in one run', () => {
  it('reports schema and semantic problems together', () => {
    const text = `version: 2\nrules:\n  - name: a\n    match: {evnt: push}\n    grant: {aws: {roles: [${ROLE}], max-duration: 13h}}\n  - name: a\n    effect: permit\n    match: {ref: x}\n`;
    expect(problems(text)).toEqual([
      'p.yml:1:10: `version` must be 1',
      'p.yml:4:13: the claim "evnt" is not one that GitHub Actions tokens carry; did you mean "event_name"?',
      'p.yml:5:81: max-duration "13h" is not between 15m (900 s) and 12h (43200 s)',
      'p.yml:6:11: the rule name "a" is used twice; names must be unique',
      'p.yml:7:13: `rules.1.effect` must be one of "allow", "deny"',
    ]);
  });

  it('reports a YAML syntax error with what comes before it, and nothing the parser guessed after it', () => {
    const text = `version: 1\nrules:\n  - name: a\n    effect: deny\n    match: {event: push}\n  - name: b\n    match: {ref: [\n  - name: c\n    match: {evnt: y}\n`;
    const lines = problems(text);
    expect(lines[0]).toBe('p.yml:5:13: the claim "event" is not one that GitHub Actions tokens carry; did you mean "event_name"?');
    expect(lines.slice(1).every((line) => line.includes('YAML syntax'))).toBe(true);
  });

  it('lists each problem with its place, kind, message and hint', () => {
    const error = thrown(() => parsePolicy(`version: 1\nrules:\n  - name: a\n    effect: deny\n    match: {event: push}\n  - name: b\n    match: {ref: x}\n`, 'p.yml'));
    expect(error.problems).toEqual([
      { location: { file: 'p.yml', line: 5, column: 13 }, code: 'unknown-claim', message: expect.stringContaining('did you mean "event_name"?') as unknown, hint: expect.stringContaining('custom-claims') as unknown },
      { location: { file: 'p.yml', line: 6, column: 5 }, code: 'allow-without-grant', message: 'allow rule "b" has no grant; say what it allows under `grant:`', hint: 'The format is described in schema/policy.schema.json and the README.' },
    ]);
    expect(error.message.split('\n').slice(1)).toEqual(error.problems.map((p) => `${p.location.file}:${p.location.line}:${p.location.column}: ${p.message}`));
  });

  it('has no list of problems for an error about one thing', () => {
    expect(new BrokerError(ErrorCode.PolicyNotFound, 'No policy.', { hint: 'Create it.' }).problems).toEqual([]);
  });
});
