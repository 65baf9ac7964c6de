import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { chooseAwsRole, chooseChainedRole } from '../../../src/policy/aws-grant.ts';
import { parsePolicy } from '../../../src/policy/load.ts';
import { thrown } from '../../helpers/broker-error.ts';

const DEPLOY = 'arn:aws:iam::111122223333:role/deploy';
const READ = 'arn:aws:iam::111122223333:role/read';
const [single, several, googleOnly, refuse] = parsePolicy(
  `version: 1
rules:
  - name: single
    match: {ref: x}
    grant: {aws: {roles: [${DEPLOY}], max-duration: 30m}}
  - name: several
    match: {ref: y}
    grant: {aws: {roles: [${DEPLOY}, ${READ}]}}
  - name: google-only
    match: {ref: z}
    grant: {gcp: {workload-identity-provider: projects/123456/locations/global/workloadIdentityPools/ci-pool/providers/github}}
  - name: refuse
    effect: deny
    match: {ref: w}
`,
  'p.yml',
).rules;

describe('chooseAwsRole', () => {
  it('grants a requested role that the rule lists', () => {
    expect(chooseAwsRole(several!, READ, 900)).toEqual({ roleArn: READ, durationSeconds: 900, capped: false, sessionPolicy: undefined });
  });

  it('uses the rule’s only role when none is requested', () => {
    expect(chooseAwsRole(single!, undefined, 900).roleArn).toBe(DEPLOY);
  });

  it('asks for role-to-assume when the rule grants several roles', () => {
    const error = thrown(() => chooseAwsRole(several!, undefined, 900));
    expect(error.code).toBe(ErrorCode.RoleNotGranted);
    expect(error.message).toBe(`Rule "several" grants several roles (${DEPLOY}, ${READ}) and no role-to-assume was given.`);
    expect(error.location?.line).toBe(6);
  });

  it('refuses a role the rule does not grant, and lists the ones it does', () => {
    const error = thrown(() => chooseAwsRole(single!, READ, 900));
    expect(error.message).toBe(`Rule "single" does not grant the role ${READ}; it grants ${DEPLOY}.`);
  });

  it('says which roles are granted and how to choose one in each refusal', () => {
    const ambiguous = thrown(() => chooseAwsRole(several!, undefined, 900));
    expect(ambiguous.hint).toBe('Set the `role-to-assume` input to one of them.');
    const notGranted = thrown(() => chooseAwsRole(several!, 'arn:aws:iam::111122223333:role/admin', 900));
    expect(notGranted.code).toBe(ErrorCode.RoleNotGranted);
    expect(notGranted.message).toBe(`Rule "several" does not grant the role arn:aws:iam::111122223333:role/admin; it grants ${DEPLOY}, ${READ}.`);
    expect(notGranted.hint).toBe('Use one of the granted roles, or add this role to the rule in a reviewed change to the policy.');
    expect(notGranted.location).toEqual({ file: 'p.yml', line: 6, column: 5 });
  });

  it('refuses a role that differs from a granted one only in case', () => {
    // IAM role names are case-insensitive, but the grant is compared exactly, as it is written in the policy.
    expect(thrown(() => chooseAwsRole(single!, DEPLOY.toUpperCase(), 900)).code).toBe(ErrorCode.RoleNotGranted);
  });

  it('refuses a rule that grants no AWS role', () => {
    for (const rule of [googleOnly!, refuse!]) {
      const error = thrown(() => chooseAwsRole(rule, DEPLOY, 900));
      expect(error.code).toBe(ErrorCode.RoleNotGranted);
      expect(error.message).toBe(`Rule "${rule.name}" allowed this job but grants no AWS role.`);
      expect(error.hint).toBe(`Add \`grant: aws: roles: [...]\` to rule "${rule.name}".`);
      expect(error.location).toEqual(rule.location);
    }
  });

  it('caps the duration at the rule’s max-duration and says so', () => {
    expect(chooseAwsRole(single!, DEPLOY, 3600)).toEqual({ roleArn: DEPLOY, durationSeconds: 1800, capped: true });
    expect(chooseAwsRole(single!, DEPLOY, 1800).capped).toBe(false);
  });

  it('keeps a shorter requested duration, and caps at the default hour without max-duration', () => {
    expect(chooseAwsRole(single!, DEPLOY, 900)).toMatchObject({ durationSeconds: 900, capped: false });
    expect(chooseAwsRole(several!, DEPLOY, 43_200)).toMatchObject({ durationSeconds: 3600, capped: true });
  });

  it('hands on the rule’s loaded session policy, and will not proceed without it', () => {
    const [withPolicy] = parsePolicy(
      `version: 1\nrules:\n  - name: narrow\n    match: {ref: x}\n    grant: {aws: {roles: [${DEPLOY}], session-policy: policies/narrow.json}}\n`,
      'p.yml',
    ).rules;
    // parsePolicy does not read files; a grant whose session policy was never loaded must not yield a wider session.
    expect(() => chooseAwsRole(withPolicy!, DEPLOY, 900)).toThrow('the session policy policies/narrow.json was not loaded');
    const document = '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
    withPolicy!.grant!.aws!.sessionPolicy!.document = document;
    expect(chooseAwsRole(withPolicy!, DEPLOY, 900)).toEqual({ roleArn: DEPLOY, durationSeconds: 900, capped: false, sessionPolicy: document });
  });
});

describe('chooseChainedRole', () => {
  const TARGET = 'arn:aws:iam::444455556666:role/deploy-target';
  const [chaining] = parsePolicy(
    `version: 1
rules:
  - name: chaining
    match: {ref: x}
    grant: {aws: {roles: [${DEPLOY}], chain-to: [${TARGET}]}}
`,
    'p.yml',
  ).rules;

  it('lets a session chain into a role the rule lists under chain-to', () => {
    expect(chaining!.grant?.aws?.chainTo).toEqual([TARGET]);
    expect(chooseChainedRole(chaining!, TARGET)).toBe(TARGET);
  });

  it('refuses any other role, and every role when the rule lists none', () => {
    const error = thrown(() => chooseChainedRole(chaining!, READ));
    expect(error.code).toBe(ErrorCode.RoleNotGranted);
    expect(error.message).toBe(`Rule "chaining" does not let its sessions chain into ${READ}; it lists ${TARGET}.`);
    expect(thrown(() => chooseChainedRole(single!, TARGET)).message).toBe(`Rule "single" does not let its sessions chain into ${TARGET}; it lists no role under chain-to.`);
  });

  it('validates chain-to as a list of role ARNs', () => {
    expect(() => parsePolicy(`version: 1\nrules:\n  - name: r\n    match: {ref: x}\n    grant: {aws: {roles: [${DEPLOY}], chain-to: [deploy-target]}}\n`, 'p.yml')).toThrow(/chain-to/);
  });
});
