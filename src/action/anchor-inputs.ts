// What becomes, here, of every input and output of the two actions this one replaces: the source of
// truth for refusing their inputs that have no counterpart (the runner passes every `with:` value as
// INPUT_<NAME>, declared or not, so a forgotten `role-chaining: true` would otherwise be silently
// ignored), for the README's migration tables, and for the test that holds both to action.yml.
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';

export type Anchor = 'aws-actions/configure-aws-credentials' | 'google-github-actions/auth';

export type Fate =
  /** The same name and meaning here (input names follow the anchors wherever the meaning is the same). */
  | { here: 'same' }
  /**
   * No counterpart: an input is refused (unless its value asks for what happens here anyway), an output
   * is never set. `instead` says how to get the same result; `uses` names the inputs it points at.
   */
  | { here: 'none'; instead: string; accepts?: readonly string[]; uses?: readonly string[] };

export interface AnchorName {
  anchor: Anchor;
  kind: 'input' | 'output';
  name: string;
  fate: Fate;
  /** A difference worth knowing when the name is kept, such as another default. */
  note?: string;
}

const AWS: Anchor = 'aws-actions/configure-aws-credentials';
const GOOGLE: Anchor = 'google-github-actions/auth';
const same: Fate = { here: 'same' };
const none = (instead: string, extra: { accepts?: readonly string[]; uses?: readonly string[] } = {}): Fate => ({ here: 'none', instead, ...extra });

const NO_TAGS = 'Sessions are not tagged here: the rule matches the token’s claims, and the trust policy conditions on them (`policy export --aws-trust-policy`).';
const NO_KEYS = 'Long-lived keys are what this action replaces: delete the secrets, grant the role in the policy, and use `role-to-assume` with `permissions: id-token: write`.';

/** Every input and output of both anchors, as their action.yml files declare them (input order). */
export const ANCHOR_NAMES: readonly AnchorName[] = [
  { anchor: AWS, kind: 'input', name: 'aws-region', fate: same },
  { anchor: AWS, kind: 'input', name: 'aws-profile', fate: same, note: 'A renewing profile in the job’s own config file under `RUNNER_TEMP` (`AWS_CONFIG_FILE`), not in `~/.aws`.' },
  {
    anchor: AWS,
    kind: 'input',
    name: 'overwrite-aws-profile',
    fate: none('A profile of the same name is always replaced, in a config file that belongs to the job alone; give each step its own `aws-profile` to keep them apart.', { accepts: ['true'], uses: ['aws-profile'] }),
  },
  { anchor: AWS, kind: 'input', name: 'role-to-assume', fate: same, note: 'Optional when the matching rule grants exactly one role.' },
  { anchor: AWS, kind: 'input', name: 'aws-access-key-id', fate: none(NO_KEYS, { uses: ['role-to-assume'] }) },
  { anchor: AWS, kind: 'input', name: 'aws-secret-access-key', fate: none(NO_KEYS, { uses: ['role-to-assume'] }) },
  { anchor: AWS, kind: 'input', name: 'aws-session-token', fate: none(NO_KEYS, { uses: ['role-to-assume'] }) },
  { anchor: AWS, kind: 'input', name: 'web-identity-token-file', fate: same },
  {
    anchor: AWS,
    kind: 'input',
    name: 'role-chaining',
    fate: none('Name the second role with `chain-to-role`; the matching rule must list it under `chain-to`, so no hop goes unchecked.', { accepts: ['false'], uses: ['chain-to-role'] }),
  },
  { anchor: AWS, kind: 'input', name: 'audience', fate: same },
  { anchor: AWS, kind: 'input', name: 'http-proxy', fate: same, note: 'Used for every call (STS, IAM, Google, the runner, the issuer’s keys), not only the AWS SDK’s.' },
  { anchor: AWS, kind: 'input', name: 'no-proxy', fate: none('Set `NO_PROXY` in the step’s `env:` (host names, `.domain` suffixes, IP addresses or CIDR ranges, comma-separated); it applies with `http-proxy` too.', { uses: ['http-proxy'] }) },
  { anchor: AWS, kind: 'input', name: 'mask-aws-account-id', fate: same, note: '`true` by default here.' },
  { anchor: AWS, kind: 'input', name: 'role-duration-seconds', fate: same, note: '900 (15 minutes) by default here, not 3600; the rule’s `max-duration` caps it.' },
  { anchor: AWS, kind: 'input', name: 'role-external-id', fate: none('An external ID guards roles that third parties assume with their own keys; a web identity assumption sends none. Leave it out: the trust policy’s conditions on the token do that job.') },
  { anchor: AWS, kind: 'input', name: 'role-session-name', fate: same, note: 'Unique per job by default, not `GitHubActions`.' },
  { anchor: AWS, kind: 'input', name: 'role-skip-session-tagging', fate: none(NO_TAGS, { accepts: ['true', 'false'] }) },
  { anchor: AWS, kind: 'input', name: 'transitive-tag-keys', fate: none(NO_TAGS) },
  { anchor: AWS, kind: 'input', name: 'inline-session-policy', fate: same, note: 'Refused when the rule sets a `session-policy`.' },
  { anchor: AWS, kind: 'input', name: 'managed-session-policies', fate: same },
  { anchor: AWS, kind: 'input', name: 'output-credentials', fate: same },
  { anchor: AWS, kind: 'input', name: 'output-env-credentials', fate: same },
  { anchor: AWS, kind: 'input', name: 'unset-current-credentials', fate: same },
  { anchor: AWS, kind: 'input', name: 'disable-retry', fate: none('Retries cannot be turned off: throttling, 5xx and network errors are retried with backoff within a 30-second budget.', { accepts: ['false'] }) },
  { anchor: AWS, kind: 'input', name: 'retry-max-attempts', fate: none('Leave it out: retries are bounded by a 30-second budget rather than a count.') },
  { anchor: AWS, kind: 'input', name: 'special-characters-workaround', fate: none('Use `aws-profile` for a tool that cannot take the secret key’s characters from the environment: a profile file needs no escaping.', { accepts: ['false'], uses: ['aws-profile'] }) },
  { anchor: AWS, kind: 'input', name: 'use-existing-credentials', fate: none('Every step requests its own credentials: run the step once per account and role (`aws-profile` keeps several apart).', { accepts: ['false'], uses: ['aws-profile'] }) },
  { anchor: AWS, kind: 'input', name: 'allowed-account-ids', fate: none('The policy decides the accounts: a rule grants roles by ARN, and only those can be assumed.') },
  { anchor: AWS, kind: 'input', name: 'force-skip-oidc', fate: none('This action always starts from the job’s OIDC token (or `web-identity-token-file`); for instance credentials, leave this step out.', { accepts: ['false'], uses: ['web-identity-token-file'] }) },
  { anchor: AWS, kind: 'input', name: 'action-timeout-s', fate: none('Every call is already bounded (30 seconds for each exchange); use the step’s `timeout-minutes` for an overall limit.') },
  { anchor: AWS, kind: 'input', name: 'custom-tags', fate: none(NO_TAGS) },
  { anchor: AWS, kind: 'input', name: 'sts-endpoint', fate: none('Set `AWS_ENDPOINT_URL_STS` in the step’s `env:`; the AWS SDK reads it.') },
  { anchor: AWS, kind: 'output', name: 'aws-account-id', fate: same },
  { anchor: AWS, kind: 'output', name: 'aws-access-key-id', fate: same },
  { anchor: AWS, kind: 'output', name: 'aws-secret-access-key', fate: same },
  { anchor: AWS, kind: 'output', name: 'aws-session-token', fate: same },
  { anchor: AWS, kind: 'output', name: 'aws-expiration', fate: same },

  { anchor: GOOGLE, kind: 'input', name: 'project_id', fate: same },
  { anchor: GOOGLE, kind: 'input', name: 'workload_identity_provider', fate: same, note: 'It must be the provider the matching rule grants.' },
  { anchor: GOOGLE, kind: 'input', name: 'service_account', fate: same, note: 'Optional when the rule grants exactly one account; a rule without accounts yields the federated token.' },
  { anchor: GOOGLE, kind: 'input', name: 'audience', fate: same, note: 'A step that asks for AWS as well takes it as `gcp-audience`.' },
  { anchor: GOOGLE, kind: 'input', name: 'credentials_json', fate: none('Service account keys are what this action replaces: use `workload_identity_provider` and `service_account`, granted in the policy.', { uses: ['workload_identity_provider', 'service_account'] }) },
  { anchor: GOOGLE, kind: 'input', name: 'create_credentials_file', fate: same },
  { anchor: GOOGLE, kind: 'input', name: 'export_environment_variables', fate: none('The step always exports the project and credentials variables; for the token alone, read the `access_token` output.', { accepts: ['true'] }) },
  { anchor: GOOGLE, kind: 'input', name: 'token_format', fate: same },
  { anchor: GOOGLE, kind: 'input', name: 'delegates', fate: none('Impersonate the last service account of the chain directly: grant this job’s principal roles/iam.workloadIdentityUser on it, and name it in the rule.', { uses: ['service_account'] }) },
  { anchor: GOOGLE, kind: 'input', name: 'universe', fate: none('Point `gcp-token-url` and `gcp-iam-credentials-url` at the universe’s endpoints.', { accepts: ['googleapis.com'], uses: ['gcp-token-url', 'gcp-iam-credentials-url'] }) },
  { anchor: GOOGLE, kind: 'input', name: 'request_reason', fate: none('No reason header is sent; the audit logs name the job’s principal, which identifies the workflow run.') },
  { anchor: GOOGLE, kind: 'input', name: 'cleanup_credentials', fate: none('The post step always deletes the credentials files.', { accepts: ['true'] }) },
  { anchor: GOOGLE, kind: 'input', name: 'access_token_lifetime', fate: same, note: '10 minutes by default here, not 3600s; seconds or a duration (`600`, `10m`), capped by the rule’s `max-lifetime`.' },
  { anchor: GOOGLE, kind: 'input', name: 'access_token_scopes', fate: same, note: 'Bounded by the rule’s `scopes`.' },
  { anchor: GOOGLE, kind: 'input', name: 'access_token_subject', fate: none('Domain-wide delegation is not offered: it would let the job act as any user of the Workspace domain, which no rule on the job’s claims can narrow.') },
  { anchor: GOOGLE, kind: 'input', name: 'id_token_audience', fate: same, note: 'It must be one the rule’s grant names.' },
  { anchor: GOOGLE, kind: 'input', name: 'id_token_include_email', fate: same },
  { anchor: GOOGLE, kind: 'output', name: 'project_id', fate: same },
  { anchor: GOOGLE, kind: 'output', name: 'credentials_file_path', fate: same },
  { anchor: GOOGLE, kind: 'output', name: 'auth_token', fate: none('The federated token is not an output: leave `service_account` out (with a rule that grants no account) to get it as `access_token`.', { uses: ['service_account'] }) },
  { anchor: GOOGLE, kind: 'output', name: 'access_token', fate: same },
  { anchor: GOOGLE, kind: 'output', name: 'id_token', fate: same },
];

/**
 * Fails on the first input of either anchor that the step sets and this action does not have, before
 * any token is requested. A value that asks for what happens here anyway (`role-chaining: false`)
 * passes. `env` is the step's environment, where the runner puts every `with:` value.
 */
export function refuseAnchorOnlyInputs(env: NodeJS.ProcessEnv = process.env): void {
  for (const entry of ANCHOR_NAMES) {
    if (entry.kind !== 'input' || entry.fate.here !== 'none') continue;
    // The runner's own spelling of an input's variable, as @actions/core reads it back.
    const value = (env[`INPUT_${entry.name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
    if (value === '' || entry.fate.accepts?.includes(value.toLowerCase())) continue;
    throw new BrokerError(ErrorCode.InputInvalid, `The input \`${entry.name}\` (of ${entry.anchor}) is not supported by ci-oidc-broker, and would be ignored.`, {
      hint: `${entry.fate.instead} Then remove \`${entry.name}\` from the step’s \`with:\` block.`,
    });
  }
}
