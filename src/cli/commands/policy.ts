import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { decisionJson } from '../../policy/decision-json.ts';
import { evaluatePolicy } from '../../policy/evaluate.ts';
import { explainDecision } from '../../policy/explain.ts';
import { exportAwsTrustPolicy } from '../../policy/export/aws-trust-policy.ts';
import { exportGcpAttributeCondition } from '../../policy/export/gcp-attribute-condition.ts';
import { exportAwsRevocation } from '../../policy/export/aws-revocation.ts';
import { formatFinding } from '../../policy/lint/finding.ts';
import { lintPolicy } from '../../policy/lint/policy-lint.ts';
import { loadPolicyFile } from '../../policy/load.ts';
import { parseTestCases, runTestCases } from '../../policy/test-cases.ts';
import { Exit, runCommand, writeJson, type ExitCode, type Format } from '../cli-output.ts';
import { readInputFile } from './input-files.ts';

interface PolicyFileOptions {
  root?: string | undefined;
  format: Format;
}

const invalidInput = (): ExitCode => Exit.Usage;

/** `policy validate`: 0 when the policy is valid, 1 when it is not (every problem listed), 2 on bad input. */
export function policyValidate(file: string, options: PolicyFileOptions): Promise<ExitCode> {
  return runCommand(options.format, (error) => (error.code === ErrorCode.PolicyInvalid ? Exit.Refused : Exit.Usage), async () => {
    const policy = await loadPolicyFile(file, options.root);
    const rules = policy.rules.map((rule) => ({ name: rule.name, effect: rule.effect, line: rule.location.line }));
    if (options.format === 'json') writeJson({ valid: true, file: policy.source, rules });
    else process.stdout.write(`${policy.source}: valid; ${rules.length} rule(s): ${rules.map((r) => `${r.name} (${r.effect})`).join(', ')}\n`);
    return Exit.Ok;
  });
}

/** `policy explain`: 0 on allow, 1 on deny, 2 on invalid input; every rule's outcome is shown. */
export function policyExplain(options: PolicyFileOptions & { policy: string; claims?: string | undefined; token?: string | undefined }): Promise<ExitCode> {
  return runCommand(options.format, invalidInput, async () => {
    if ((options.claims === undefined) === (options.token === undefined)) {
      throw new BrokerError(ErrorCode.InputInvalid, 'policy explain needs exactly one of --claims and --token.', { hint: 'Pass --claims FILE.json, or --token FILE.' });
    }
    const policy = await loadPolicyFile(options.policy, options.root);
    const claims = options.claims !== undefined ? await readClaims(options.claims) : decodeToken(await readInputFile(options.token!, 'token'));
    const decision = evaluatePolicy(policy, claims);
    if (options.format === 'json') writeJson(decisionJson(decision));
    else process.stdout.write(`${explainDecision(decision).join('\n')}\n`);
    return decision.allowed ? Exit.Ok : Exit.Refused;
  });
}

/** `policy test`: runs fixture cases; 0 when all pass, 1 on any failure (with a diff), 2 on invalid input. */
export function policyTest(file: string, options: PolicyFileOptions & { cases: string }): Promise<ExitCode> {
  return runCommand(options.format, invalidInput, async () => {
    const policy = await loadPolicyFile(file, options.root);
    const cases = [];
    for (const path of await caseFiles(options.cases)) cases.push(...parseTestCases(await readInputFile(path, 'test cases'), path));
    const results = runTestCases(policy, cases);
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
    const findings = lintPolicy(await loadPolicyFile(file, options.root));
    if (options.format === 'json') writeJson({ findings });
    else process.stdout.write(findings.length === 0 ? 'no findings\n' : `${findings.map(formatFinding).join('\n')}\n`);
    return findings.some((finding) => finding.severity === 'error') ? Exit.Refused : Exit.Ok;
  });
}

/** `policy export`: the cloud-side trust that enforces the policy; notes on what the cloud cannot express go to stderr. */
export function policyExport(
  options: PolicyFileOptions & {
    policy: string;
    awsTrustPolicy?: boolean | undefined;
    gcpAttributeCondition?: boolean | undefined;
    awsRevocation?: boolean | undefined;
    rule?: string | undefined;
    role?: string | undefined;
    revokeRole?: string | undefined;
  },
): Promise<ExitCode> {
  return runCommand(options.format, invalidInput, async () => {
    if ([options.awsTrustPolicy, options.gcpAttributeCondition, options.awsRevocation].filter(Boolean).length !== 1) {
      throw new BrokerError(ErrorCode.InputInvalid, 'policy export needs exactly one of --aws-trust-policy, --gcp-attribute-condition and --aws-revocation.', { hint: 'Choose what to export.' });
    }
    const policy = await loadPolicyFile(options.policy, options.root);
    if (options.awsRevocation) {
      const exported = exportAwsRevocation(policy, { rule: options.rule, role: options.role, revokeRole: options.revokeRole });
      if (options.format === 'json') writeJson(exported);
      else {
        const sections: Array<[string, unknown]> = [
          [`Trust policy of ${exported.target.roleArn}`, exported.target.trustPolicy],
          [`Permissions boundary of ${exported.target.roleArn}`, exported.target.permissionsBoundary],
          [`Permissions of the revoker ${exported.revoker.roleArn}`, exported.revoker.permissions],
          [`Trust policy of the revoker ${exported.revoker.roleArn}`, exported.revoker.trustPolicy],
        ];
        process.stdout.write(sections.map(([title, document]) => `# ${title}\n${JSON.stringify(document, null, 2)}\n`).join('\n'));
      }
      writeNotes(options.format, exported.notes);
    } else if (options.awsTrustPolicy) {
      const exported = exportAwsTrustPolicy(policy, { rule: options.rule, role: options.role });
      if (options.format === 'json') writeJson(exported);
      else writeJson(exported.document);
      writeNotes(options.format, [`Trust policy for ${exported.roleArn}.`, ...exported.notes]);
    } else {
      const exported = exportGcpAttributeCondition(policy, { rule: options.rule });
      if (options.format === 'json') writeJson(exported);
      else process.stdout.write(`${exported.condition}\n`);
      writeNotes(options.format, exported.notes);
    }
    return Exit.Ok;
  });
}

function writeNotes(format: Format, notes: readonly string[]): void {
  if (format === 'text') for (const note of notes) process.stderr.write(`note: ${note}\n`);
}

async function readClaims(file: string): Promise<Record<string, unknown>> {
  const text = await readInputFile(file, 'claims');
  try {
    const claims: unknown = JSON.parse(text);
    if (typeof claims === 'object' && claims !== null && !Array.isArray(claims)) return claims as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  throw new BrokerError(ErrorCode.InputInvalid, `${file} is not a JSON object of claims.`, { hint: 'Save the token’s payload, for example with `token verify --format json`.' });
}

/** The claims of a token, unverified: explain is about the policy, not the token's authenticity. */
function decodeToken(text: string): Record<string, unknown> {
  try {
    return decodeJwt(text.trim());
  } catch {
    throw new BrokerError(ErrorCode.TokenMalformed, 'The token file does not hold a JWT.', { hint: 'Pass the token exactly as the issuer produced it.' });
  }
}

async function caseFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new BrokerError(ErrorCode.InputInvalid, `No test cases at ${path}.`, { hint: 'Pass a YAML or JSON file of cases, or a folder of them.' });
  if (!info.isDirectory()) return [path];
  return (await readdir(path)).filter((name) => /\.(ya?ml|json)$/.test(name)).sort().map((name) => join(path, name));
}
