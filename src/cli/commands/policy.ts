import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { BrokerError, ErrorCode, isBrokerError } from '../../errors/broker-error.ts';
import { decisionJson } from '../../policy/decision-json.ts';
import { evaluatePolicy } from '../../policy/evaluate.ts';
import { explainDecision } from '../../policy/explain.ts';
import { exportAwsTrustPolicy, type Widening } from '../../policy/export/aws-trust-policy.ts';
import { exportGcpAttributeCondition } from '../../policy/export/gcp-attribute-condition.ts';
import { exportAwsRevocation } from '../../policy/export/aws-revocation.ts';
import { exportAwsBrokerTrust } from '../../policy/export/aws-broker-trust.ts';
import { exportGcpBrokerBindings } from '../../policy/export/gcp-broker-bindings.ts';
import { formatFinding } from '../../policy/lint/finding.ts';
import { lintPolicy } from '../../policy/lint/policy-lint.ts';
import { parseTestCases, runTestCases } from '../../policy/test-cases.ts';
import type { Policy } from '../../policy/types.ts';
import { Exit, runCommand, writeJson, type ExitCode, type Format } from '../cli-output.ts';
import { readTokenFile, tokenFromVariable } from './ci-token.ts';
import { readInputFile } from './input-files.ts';
import { loadPolicyArgument } from './policy-file.ts';

interface PolicyFileOptions {
  root?: string | undefined;
  format: Format;
}

const invalidInput = (): ExitCode => Exit.Usage;

/** `policy validate`: 0 when the policy is valid, 1 when it is not (every problem listed), 2 on bad input. */
export function policyValidate(file: string, options: PolicyFileOptions): Promise<ExitCode> {
  return runCommand(options.format, (error) => (error.code === ErrorCode.PolicyInvalid ? Exit.Refused : Exit.Usage), async () => {
    const policy = await loadChecked(file, options);
    if (!policy) return Exit.Refused;
    const rules = policy.rules.map((rule) => ({ name: rule.name, effect: rule.effect, line: rule.location.line }));
    if (options.format === 'json') writeJson({ valid: true, file: policy.source, rules });
    else process.stdout.write(`${policy.source}: valid; ${ruleSummary(rules)}\n`);
    return Exit.Ok;
  });
}

export interface ExplainOptions extends PolicyFileOptions {
  policy: string;
  claims?: string | undefined;
  token?: string | undefined;
  tokenEnv?: string | undefined;
}

/** `policy explain`: 0 on allow, 1 on deny, 2 on invalid input; every rule's outcome is shown. */
export function policyExplain(options: ExplainOptions): Promise<ExitCode> {
  return runCommand(options.format, invalidInput, async () => {
    if ([options.claims, options.token, options.tokenEnv].filter((source) => source !== undefined).length !== 1) {
      throw new BrokerError(ErrorCode.InputInvalid, 'policy explain needs exactly one of --claims, --token and --token-env.', { hint: 'Pass --claims FILE.json, --token FILE, or --token-env NAME.' });
    }
    const policy = await loadPolicyArgument(options.policy, options.root);
    const [claims, origin] =
      options.claims !== undefined
        ? [await readClaims(options.claims), `The claims in ${options.claims} have`]
        : [decodeToken(options.token !== undefined ? await readTokenFile(options.token) : tokenFromVariable(options.tokenEnv!)), 'The token has'];
    if (typeof claims.iss !== 'string') {
      throw new BrokerError(ErrorCode.InputInvalid, `${origin} no \`iss\` claim, so the policy denies them whatever else they say: it decides only tokens from ${policy.issuers.join(', ')}.`, {
        hint: 'Add the issuer the job’s token carries ("iss": "https://token.actions.githubusercontent.com" on GitHub), or take the claims from `token verify --format json`.',
      });
    }
    const decision = evaluatePolicy(policy, claims);
    if (options.format === 'json') writeJson(decisionJson(decision));
    else process.stdout.write(`${explainDecision(decision).join('\n')}\n`);
    return decision.allowed ? Exit.Ok : Exit.Refused;
  });
}

/** `policy test`: runs fixture cases; 0 when all pass, 1 on any failure (with a diff), 2 on invalid input. */
export function policyTest(file: string, options: PolicyFileOptions & { cases: string }): Promise<ExitCode> {
  return runCommand(options.format, invalidInput, async () => {
    const policy = await loadPolicyArgument(file, options.root);
    const cases = [];
    for (const path of await caseFiles(options.cases)) cases.push(...parseTestCases(await readInputFile(path, 'test cases'), path));
    const results = runTestCases(policy, cases).map((result) =>
      // The policy's verdict on such a case is about the issuer; the case's author needs to hear why.
      result.passed || typeof result.testCase.claims.iss === 'string' ? result : { ...result, diff: [...result.diff, `  the case's claims carry no "iss": add the issuer the job's token carries (${policy.issuers.join(', ')})`] },
    );
    const failed = results.filter((result) => !result.passed);
    if (options.format === 'json') {
      writeJson({ passed: results.length - failed.length, failed: failed.length, failures: failed.map((r) => ({ name: r.testCase.name, origin: r.testCase.origin, diff: r.diff })) });
    } else {
      for (const result of failed) process.stdout.write(`FAIL ${result.testCase.name} (${result.testCase.origin})\n${result.diff.map((line) => `  ${line}`).join('\n')}\n`);
      process.stdout.write(`${results.length - failed.length} passed, ${failed.length} failed\n`);
    }
    return failed.length === 0 ? Exit.Ok : Exit.Refused;
  });
}

/** `policy lint`: 0 without error findings, 1 with any, 2 on invalid input. */
export function policyLint(file: string, options: PolicyFileOptions): Promise<ExitCode> {
  return runCommand(options.format, invalidInput, async () => {
    const policy = await loadChecked(file, options);
    if (!policy) return Exit.Usage;
    const findings = lintPolicy(policy);
    if (options.format === 'json') writeJson({ findings });
    else process.stdout.write(findings.length === 0 ? 'no findings\n' : `${findings.map(formatFinding).join('\n')}\n`);
    return findings.some((finding) => finding.severity === 'error') ? Exit.Refused : Exit.Ok;
  });
}

/**
 * The policy that validate and lint check, or undefined when it is invalid and has been reported: with
 * --format json, on stdout, one object per problem (`{valid: false, file, problems}`), for scripts and
 * editors to place; the text format lists them in the error's message.
 */
async function loadChecked(file: string, options: PolicyFileOptions): Promise<Policy | undefined> {
  try {
    return await loadPolicyArgument(file, options.root);
  } catch (error) {
    if (options.format !== 'json' || !isBrokerError(error, ErrorCode.PolicyInvalid) || error.problems.length === 0) throw error;
    const problems = error.problems.map(({ location, code, message, hint }) => ({ file: location.file, line: location.line, column: location.column, code, message, hint }));
    writeJson({ valid: false, file: problems[0]!.file, problems });
    return undefined;
  }
}

/**
 * `policy export`: the cloud-side trust that enforces the policy; notes on what the cloud cannot express go
 * to stderr. 0 on success; 1 when the policy is invalid or AWS cannot enforce it exactly (without
 * --allow-broader); 2 on bad input.
 */
export function policyExport(
  options: PolicyFileOptions & {
    policy: string;
    awsTrustPolicy?: boolean | undefined;
    gcpAttributeCondition?: boolean | undefined;
    awsRevocation?: boolean | undefined;
    awsBrokerTrust?: boolean | undefined;
    gcpBrokerBindings?: boolean | undefined;
    brokerRole?: string | undefined;
    brokerServiceAccount?: string | undefined;
    rule?: string | undefined;
    role?: string | undefined;
    revokeRole?: string | undefined;
    allowBroader?: boolean | undefined;
  },
): Promise<ExitCode> {
  return runCommand(options.format, (error) => (error.code === ErrorCode.PolicyInvalid || error.code === ErrorCode.ExportInexact ? Exit.Refused : Exit.Usage), async () => {
    if ([options.awsTrustPolicy, options.gcpAttributeCondition, options.awsRevocation, options.awsBrokerTrust, options.gcpBrokerBindings].filter(Boolean).length !== 1) {
      throw new BrokerError(ErrorCode.InputInvalid, 'policy export needs exactly one of --aws-trust-policy, --gcp-attribute-condition, --aws-revocation, --aws-broker-trust and --gcp-broker-bindings.', { hint: 'Choose what to export.' });
    }
    const needs = (value: string | undefined, flag: string, what: string): string => {
      if (value === undefined) throw new BrokerError(ErrorCode.InputInvalid, `${what} needs ${flag}.`, { hint: `Give ${flag}: the identity the broker service runs as.` });
      return value;
    };
    const policy = await loadPolicyArgument(options.policy, options.root);
    if (options.awsBrokerTrust) {
      const exported = exportAwsBrokerTrust(policy, { brokerRole: needs(options.brokerRole, '--broker-role <arn>', '--aws-broker-trust'), rule: options.rule, role: options.role });
      if (options.format === 'json') writeJson(exported);
      else
        writeSections([
          [`Trust policy of ${exported.roleArn}`, exported.trustPolicy],
          [`Permissions of the broker ${options.brokerRole!}`, exported.brokerPermissions],
        ]);
      writeNotes(options.format, exported.notes);
    } else if (options.gcpBrokerBindings) {
      const exported = exportGcpBrokerBindings(policy, { brokerServiceAccount: needs(options.brokerServiceAccount, '--broker-service-account <email>', '--gcp-broker-bindings'), rule: options.rule });
      if (options.format === 'json') writeJson(exported);
      else process.stdout.write(exported.bindings.map((binding) => `${binding.command}\n`).join(''));
      writeNotes(options.format, exported.notes);
    } else if (options.awsRevocation) {
      const exported = exportAwsRevocation(policy, { rule: options.rule, role: options.role, revokeRole: options.revokeRole, allowBroader: options.allowBroader });
      if (options.format === 'json') writeJson(exported);
      else
        writeSections([
          [`Trust policy of ${exported.target.roleArn}`, exported.target.trustPolicy],
          [`Permissions boundary of ${exported.target.roleArn}`, exported.target.permissionsBoundary],
          [`Permissions of the revoker ${exported.revoker.roleArn}`, exported.revoker.permissions],
          [`Trust policy of the revoker ${exported.revoker.roleArn}`, exported.revoker.trustPolicy],
        ]);
      writeNotes(options.format, [...exported.notes, ...broader(exported.widenings)]);
    } else if (options.awsTrustPolicy) {
      const exported = exportAwsTrustPolicy(policy, { rule: options.rule, role: options.role, allowBroader: options.allowBroader });
      if (options.format === 'json') writeJson(exported);
      else writeJson(exported.document);
      writeNotes(options.format, [`Trust policy for ${exported.roleArn}.`, ...exported.notes, ...broader(exported.widenings)]);
    } else {
      const exported = exportGcpAttributeCondition(policy, { rule: options.rule });
      if (options.format === 'json') writeJson(exported);
      else process.stdout.write(`${exported.condition}\n`);
      writeNotes(options.format, exported.notes);
    }
    return Exit.Ok;
  });
}

/** Several IAM documents, each under a `# title` line. */
function writeSections(sections: ReadonlyArray<[string, unknown]>): void {
  process.stdout.write(sections.map(([title, document]) => `# ${title}\n${JSON.stringify(document, null, 2)}\n`).join('\n'));
}

function writeNotes(format: Format, notes: readonly string[]): void {
  if (format === 'text') for (const note of notes) process.stderr.write(`note: ${note}\n`);
}

function broader(widenings: readonly Widening[]): string[] {
  return widenings.map((widening) => `broader than the policy (--allow-broader): ${widening.message}`);
}

async function readClaims(file: string): Promise<Record<string, unknown>> {
  const text = await readInputFile(file, 'claims');
  try {
    const parsed: unknown = JSON.parse(text);
    // What `token verify --format json` prints: the claims under "claims", beside the header.
    const claims = isObject(parsed) && parsed.valid === true && isObject(parsed.claims) ? parsed.claims : parsed;
    if (isObject(claims)) return claims;
  } catch {
    // Reported below.
  }
  throw new BrokerError(ErrorCode.InputInvalid, `${file} is not a JSON object of claims.`, { hint: 'Save the token’s payload, for example with `token verify --format json`.' });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Past a screenful, names alone are noise: the count, the split, the first few, and where the rest are.
const RULES_NAMED = 10;

function ruleSummary(rules: ReadonlyArray<{ name: string; effect: string }>): string {
  const named = rules.slice(0, RULES_NAMED).map((rule) => `${rule.name} (${rule.effect})`);
  if (rules.length <= RULES_NAMED) return `${rules.length} rule(s): ${named.join(', ')}`;
  const denies = rules.filter((rule) => rule.effect === 'deny').length;
  return `${rules.length} rules (${rules.length - denies} allow, ${denies} deny): ${named.join(', ')}, and ${rules.length - RULES_NAMED} more (--format json lists them all)`;
}

/** The claims of a token, unverified: explain is about the policy, not the token's authenticity. */
function decodeToken(text: string): Record<string, unknown> {
  try {
    return decodeJwt(text.trim());
  } catch {
    throw new BrokerError(ErrorCode.TokenMalformed, 'The token given is not a JWT.', { hint: 'Pass the token exactly as the issuer produced it.' });
  }
}

async function caseFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new BrokerError(ErrorCode.InputInvalid, `No test cases at ${path}.`, { hint: 'Pass a YAML or JSON file of cases, or a folder of them.' });
  if (!info.isDirectory()) return [path];
  return (await readdir(path)).filter((name) => /\.(ya?ml|json)$/.test(name)).sort().map((name) => join(path, name));
}
