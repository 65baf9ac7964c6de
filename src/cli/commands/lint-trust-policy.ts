import { formatFinding } from '../../policy/lint/finding.ts';
import { lintAwsTrustPolicy } from '../../policy/lint/aws-trust-policy-lint.ts';
import { Exit, runCommand, writeJson, type ExitCode, type Format } from '../cli-output.ts';
import { readInputFile } from './input-files.ts';

/** `lint aws-trust-policy`: 0 without error findings, 1 with any, 2 on invalid input. */
export function lintTrustPolicy(file: string, options: { format: Format }): Promise<ExitCode> {
  return runCommand(options.format, () => Exit.Usage, async () => {
    const findings = lintAwsTrustPolicy(await readInputFile(file, 'trust policy'), file);
    if (options.format === 'json') writeJson({ findings });
    else process.stdout.write(findings.length === 0 ? 'no findings\n' : `${findings.map(formatFinding).join('\n')}\n`);
    return findings.some((finding) => finding.severity === 'error') ? Exit.Refused : Exit.Ok;
  });
}
