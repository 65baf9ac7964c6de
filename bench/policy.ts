// Loads a policy of 10,002 rules (2,500 repositories times four environments, plus two org-wide deny rules)
// and times its decisions. Prints figures; asserts nothing.
import { performance } from 'node:perf_hooks';
import { evaluatePolicy } from '../src/policy/evaluate.ts';
import { parsePolicy } from '../src/policy/load.ts';
import { ruleIndexOf } from '../src/policy/rule-index.ts';

const REPOSITORIES = 2500;
const ENVIRONMENTS = ['production', 'staging', 'qa', 'development'];
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 20_000);
const ISSUER = 'https://token.actions.githubusercontent.com';

function policyText(): string {
  const lines = [
    'version: 1',
    'rules:',
    '  - name: no-pull-request-target',
    '    effect: deny',
    '    match: {event_name: [pull_request_target, workflow_run]}',
    '  - name: no-self-hosted-production',
    '    effect: deny',
    '    match: {environment: production, runner_environment: self-hosted}',
  ];
  for (let r = 0; r < REPOSITORIES; r++) {
    for (const environment of ENVIRONMENTS) {
      lines.push(
        `  - name: repo-${r}-${environment}`,
        '    match:',
        '      repository_owner_id: "1342004"',
        `      repository_id: "${100_000 + r}"`,
        `      environment: ${environment}`,
        `      job_workflow_ref: {glob: "octo-org/repo-${r}/.github/workflows/*.yml@refs/heads/main"}`,
        '    grant:',
        '      aws:',
        `        roles: [arn:aws:iam::${String(111122220000 + (r % 50)).padStart(12, '0')}:role/deploy-${environment}]`,
        '        max-duration: 15m',
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const text = policyText();
const loadStarted = performance.now();
const policy = parsePolicy(text, 'bench-policy.yml');
ruleIndexOf(policy);
const loadMs = performance.now() - loadStarted;

// Claims of random jobs: most allowed, some for repositories or environments without a rule.
const jobs = Array.from({ length: 1000 }, (_, i) => {
  const r = (i * 7919) % (REPOSITORIES + 100);
  const environment = i % 10 === 0 ? 'sandbox' : ENVIRONMENTS[i % ENVIRONMENTS.length]!;
  return {
    iss: ISSUER,
    aud: 'sts.amazonaws.com',
    repository_owner_id: '1342004',
    repository_id: String(100_000 + r),
    environment,
    job_workflow_ref: `octo-org/repo-${r}/.github/workflows/deploy.yml@refs/heads/main`,
    event_name: 'push',
    runner_environment: 'github-hosted',
  };
});
let allowed = 0;
for (const job of jobs) if (evaluatePolicy(policy, job).allowed) allowed++; // warm-up, and a sanity count
const times: number[] = [];
for (let i = 0; i < DECISIONS; i++) {
  const job = jobs[i % jobs.length]!;
  const started = performance.now();
  evaluatePolicy(policy, job);
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
console.log(`rules: ${policy.rules.length} (${(text.length / 1e6).toFixed(2)} MB of YAML); Node ${process.version}`);
console.log(`load and compile (YAML, schema, build, index): ${loadMs.toFixed(0)} ms (target < 500 ms)`);
console.log(`decisions: ${DECISIONS}; ${allowed} of ${jobs.length} sample jobs allowed`);
console.log(`decision median ${(percentile(times, 50) * 1000).toFixed(1)} µs, p99 ${(percentile(times, 99) * 1000).toFixed(1)} µs (target p99 < 100 µs)`);
