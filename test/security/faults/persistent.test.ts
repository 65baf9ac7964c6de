// A fault that does not pass: every endpoint failing for good, dropping connections, or (for AWS STS)
// answering slower than the per-attempt timeout. Each run must end, well within the hang bound, in an
// error that names what failed and what to do, with nothing half-done behind it.
import { describe, expect, test } from '@jest/globals';
import type { Fault } from '../../../src/sandbox/http.ts';
import { formatSeconds } from '../../../src/util/retry.ts';
import { ATTEMPT_TIMEOUT_MS, ENDPOINTS, errorText, expectNothingHalfDone, HANG_BOUND_MS, inputsFor, runJob, runWithFault, sandboxForFile, STS_BUDGET_MS } from './faults-kit.ts';

const shared = sandboxForFile();

const DOWN: Fault = { kind: 'error', status: 503 };
const RESET: Fault = { kind: 'reset' };
// Half an attempt's time beyond the per-attempt timeout: every attempt times out, by a margin no busy machine takes up.
const SLOWER_THAN_AN_ATTEMPT = { kind: 'delay', ms: ATTEMPT_TIMEOUT_MS * 1.5 } as const;
const STS_BUDGET = `the ${formatSeconds(STS_BUDGET_MS)} s time budget ran out`;
const TOKEN_FAILED = /^OIDC_TOKEN_REQUEST_FAILED: The runner's token endpoint failed 5 time\(s\) over [\d.]+ s \(last: .+\)\.\nHint: The runner could not issue a token; retry the job/;
const STS_GAVE_UP = (last: string) => new RegExp(`^AWS_EXCHANGE_TIMED_OUT: Gave up assuming arn:aws:iam::111122223333:role/ci-deploy after \\d attempt\\(s\\) over [\\d.]+ s, because (no attempts were left|${STS_BUDGET}); the last failure was ${last}\\.\\nHint: AWS STS was throttling, failing or unreachable\\. Retry the job later`);
const GOOGLE_FAILED = (what: string) => new RegExp(`^GCP_EXCHANGE_FAILED: Obtaining a Google token for deploy@ci-oidc-broker-sandbox\\.iam\\.gserviceaccount\\.com failed ${what}.*\\nHint: .*retry if Google had an outage`);
const REVOCATION_FAILED = /^Revocation failed for AROA\w+:[\w.@-]+: Could not deny the session: Writing the denial on role ci-deploy failed \(\w+\)\. Check the network path to IAM .* Until then, session "[\w.@-]+" of role ci-deploy stays valid until it expires at /;

const cases: Array<[string, string, Fault, RegExp]> = [
  ['token', 'down (5xx)', DOWN, TOKEN_FAILED],
  ['token', 'dropping connections', RESET, TOKEN_FAILED],
  ['discovery', 'down (5xx)', DOWN, /^OIDC_DISCOVERY_FAILED: .* answered HTTP 503, \d+ time\(s\) over [\d.]+ s\./],
  ['jwks', 'down (5xx)', DOWN, /^OIDC_JWKS_FAILED: The signing keys of .* could not be fetched or read\./],
  ['awsSts', 'down (5xx)', DOWN, STS_GAVE_UP('ServiceUnavailable \\(HTTP 503\\)')],
  ['awsSts', 'dropping connections', RESET, STS_GAVE_UP('ECONNRESET')],
  ['googleSts', 'down (5xx)', DOWN, GOOGLE_FAILED('\\(HTTP 503\\)')],
  ['googleIam', 'down (5xx)', DOWN, GOOGLE_FAILED('\\(HTTP 503\\)')],
  ['github', 'down (5xx)', DOWN, /^POLICY_SOURCE_INVALID: Reading octo-org\/policies\/\.github\/ci-oidc-broker\.yml@main through the GitHub API failed \(HTTP 503\)\./],
  ['iamRevocation', 'down (5xx)', DOWN, REVOCATION_FAILED],
  ['iamRevocation', 'dropping connections', RESET, REVOCATION_FAILED],
];

describe('a persistent fault', () => {
  test.each(cases.map(([key, label, fault, failure]) => [ENDPOINTS[key]!.name, label, key, fault, failure] as const))('%s %s: a clear failure in bounded time', async (_name, _label, key, fault, failure) => {
    const runner = await shared.job();
    await runWithFault(shared.sandbox, runner, ENDPOINTS[key]!, fault, Infinity, { failure });
  });

  test('AWS STS answering slower than the per-attempt timeout: the exchange gives up within its time budget', async () => {
    const runner = await shared.job();
    const run = await runWithFault(shared.sandbox, runner, ENDPOINTS.awsSts!, SLOWER_THAN_AN_ATTEMPT, Infinity, { failure: STS_GAVE_UP('a timeout') });
    expect(errorText(run.main)).toContain(`because ${STS_BUDGET}`);
    // The budget, plus at most one attempt's time for everything else the step does.
    expect(run.main.endedAt - run.main.startedAt).toBeLessThan(STS_BUDGET_MS + ATTEMPT_TIMEOUT_MS);
  });

  test('an outage of the runner token endpoint alone fails the step before anything is verified or issued', async () => {
    const runner = await shared.job();
    const discoveryBefore = shared.sandbox.issuer.requestCounts.get('/.well-known/openid-configuration') ?? 0;
    const sessionsBefore = shared.sandbox.aws.sessions.length;
    shared.sandbox.issuer.outage('token-endpoint');
    const run = await runJob(runner, inputsFor(shared.sandbox, 'aws'));
    expect(run.elapsedMs).toBeLessThan(HANG_BOUND_MS);
    expect(run.main.exitCode).toBe(1);
    expect(errorText(run.main)).toMatch(TOKEN_FAILED);
    expect(errorText(run.main)).toContain('answered HTTP 503');
    expect(shared.sandbox.issuer.requestCounts.get('/.well-known/openid-configuration') ?? 0).toBe(discoveryBefore);
    expect(shared.sandbox.aws.sessions.length).toBe(sessionsBefore);
    await expectNothingHalfDone(shared.sandbox, runner, run);
  });
});
