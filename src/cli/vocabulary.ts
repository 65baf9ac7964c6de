import type { BrokerError } from '../errors/broker-error.ts';

/**
 * The core phrases its errors for the action, whose users set inputs and read a job summary. The CLI's
 * users pass flags and read stderr, so the CLI says the same things in its own terms. Each action
 * input the core may name, with the flag that does its job here.
 */
export const FLAG_FOR_INPUT: Readonly<Record<string, string>> = {
  issuer: '--issuer',
  'http-proxy': '--http-proxy',
  audience: '--audience',
  policy: '--policy',
  'aws-region': '--aws-region',
  'role-to-assume': '--aws-role',
  'role-duration-seconds': '--aws-duration',
  'aws-revoke-role': '--revoker-role',
  workload_identity_provider: '--gcp-provider',
  service_account: '--gcp-service-account',
  access_token_lifetime: '--gcp-lifetime',
  project_id: '--gcp-project',
  'gcp-audience': '--audience',
  'gcp-token-url': '--gcp-token-url',
  'gcp-iam-credentials-url': '--gcp-iam-credentials-url',
};

// Where the action shows a decision's every rule, and where the CLI does: on stderr, before the error.
const PHRASES: ReadonlyArray<readonly [RegExp, string]> = [[/the log and the job summary show/g, 'the explanation above shows']];

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

const REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  ...PHRASES,
  ...Object.entries(FLAG_FOR_INPUT).flatMap(([input, flag]): Array<readonly [RegExp, string]> => [
    [new RegExp(`(?:the )?\`${escape(input)}\` input|(?:the )?input \`${escape(input)}\``, 'g'), flag],
    // A name with a hyphen or an underscore is an input wherever it stands alone; `issuer` or `policy` alone is a plain word.
    ...(/[-_]/.test(input) ? [[new RegExp(`(?<![\\w-])${escape(input)}(?![\\w-])`, 'g'), flag] as const] : []),
  ]),
];

/** A sentence of the core's, with the action's inputs named as the CLI's flags. */
export function inCliTerms(text: string): string {
  return REWRITES.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

/** The parts of an error a CLI user reads, in the CLI's terms. */
export function cliWording(error: BrokerError): { message: string; hint: string } {
  return { message: inCliTerms(error.message), hint: inCliTerms(error.hint) };
}
