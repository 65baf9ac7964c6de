// `ci-oidc-broker policy init` as a user runs it: the policy on stdout, what it cannot carry over and
// its lint on stderr, 2 on input that is not a trust policy or a CEL condition. The agreement of what
// it writes with the trust it reads is test/agreement/policy-init-*.test.ts.
import { describe, expect, it } from '@jest/globals';
import { parsePolicy } from '../../src/policy/load.ts';
import { runCli } from '../helpers/cli.ts';

const ROLE = 'arn:aws:iam::111122223333:role/deploy';
const PROVIDER = 'projects/123456789/locations/global/workloadIdentityPools/ci-pool/providers/ci-broker';

describe('policy init from the command line', () => {
  it('--from-aws-trust-policy: the policy on stdout, notes and lint on stderr, 2 on bad input', async () => {
    const run = await runCli(['policy', 'init', '--from-aws-trust-policy', 'test/fixtures/scan/trust-policies/github-deploy.json', '--role', ROLE]);
    expect(run.code).toBe(0);
    expect(() => parsePolicy(run.stdout, 'stdout.yml')).not.toThrow();
    expect(run.stderr).toContain('note: Allow statement FromOffice is left out');
    expect((await runCli(['policy', 'init', '--from-aws-trust-policy', 'test/fixtures/scan/README.md'])).code).toBe(2);
  });

  it('--from-gcp-attribute-condition: the policy on stdout, 2 on what is not CEL or on nothing to read', async () => {
    const run = await runCli(['policy', 'init', '--from-gcp-attribute-condition', 'test/fixtures/scan/trust-policies/github-condition.cel', '--gcp-provider', PROVIDER]);
    expect(run.code).toBe(0);
    expect(parsePolicy(run.stdout, 'stdout.yml').rules.map((rule) => rule.effect)).toEqual(['deny', 'allow']);
    expect((await runCli(['policy', 'init', '--from-gcp-attribute-condition', 'test/fixtures/scan/README.md'])).code).toBe(2);
    expect((await runCli(['policy', 'init'])).code).toBe(2);
  });
});
