import { formatFinding, type Finding } from '../../policy/lint/finding.ts';
import { lintPolicy } from '../../policy/lint/policy-lint.ts';
import { parsePolicy } from '../../policy/load.ts';
import { importAwsTrustPolicy, type ImportResult } from '../../scan/trust-import/aws-trust-policy.ts';
import { importGcpAttributeCondition } from '../../scan/trust-import/gcp-attribute-condition.ts';
import { Exit, runCommand, writeJson, type ExitCode, type Format } from '../cli-output.ts';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { readInputFile } from './input-files.ts';

export interface PolicyInitOptions {
  fromAwsTrustPolicy?: string | undefined;
  role?: string | undefined;
  fromGcpAttributeCondition?: string | undefined;
  issuer?: string | undefined;
  gcpProvider?: string | undefined;
  gcpServiceAccount?: string | undefined;
  format: Format;
}

/**
 * `policy init`: a policy from trust that exists. The policy goes to stdout, what could not be carried
 * over and the policy's lint to stderr. Exit 0 written, 1 written with lint errors, 2 invalid input.
 */
export function policyInit(options: PolicyInitOptions): Promise<ExitCode> {
  return runCommand(options.format, () => Exit.Usage, async () => {
    const { fromAwsTrustPolicy: aws, fromGcpAttributeCondition: gcp } = options;
    if ((aws === undefined) === (gcp === undefined)) {
      throw new BrokerError(ErrorCode.InputInvalid, 'policy init needs one of --from-aws-trust-policy FILE.json and --from-gcp-attribute-condition FILE.', { hint: 'Give the trust your CI role or workload identity pool provider has now.' });
    }
    const result: ImportResult =
      aws !== undefined
        ? importAwsTrustPolicy(await readInputFile(aws, 'trust policy'), aws, options.role)
        : importGcpAttributeCondition(await readInputFile(gcp!, 'attribute condition'), gcp!, { issuer: options.issuer, provider: options.gcpProvider, serviceAccount: options.gcpServiceAccount });
    // The loader has the last word: what init writes must be a policy `policy validate` accepts.
    const lint: Finding[] = lintPolicy(parsePolicy(result.policy, 'policy.yml'));
    if (options.format === 'json') writeJson({ policy: result.policy, notes: result.notes, lint });
    else {
      process.stdout.write(result.policy);
      for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
      for (const found of lint) process.stderr.write(`${formatFinding(found)}\n`);
    }
    return lint.some((found) => found.severity === 'error') ? Exit.Refused : Exit.Ok;
  });
}
