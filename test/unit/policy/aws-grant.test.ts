import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { chooseAwsRole } from '../../../src/policy/aws-grant.ts';
import { parsePolicy } from '../../../src/policy/load.ts';
import { thrown } from '../../helpers/broker-error.ts';

const DEPLOY = 'arn:aws:iam::111122223333:role/deploy';
const READ = 'arn:aws:iam::111122223333:role/read';
const [single, several] = parsePolicy(
  `version: 1
rules:
  - name: single
    match: {ref: x}
    grant: {aws: {roles: [${DEPLOY}], max-duration: 30m}}
  - name: several
    match: {ref: y}
    grant: {aws: {roles: [${DEPLOY}, ${READ}]}}
`,
  'p.yml',
).rules;


describe('chooseAwsRole', () => {
  it('grants a requested role that the rule lists', () => {
    expect(chooseAwsRole(several!, READ, 900)).toEqual({ roleArn: READ, durationSeconds: 900, capped: false });
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

  it('caps the duration at the rule’s max-duration and says so', () => {
    expect(chooseAwsRole(single!, DEPLOY, 3600)).toEqual({ roleArn: DEPLOY, durationSeconds: 1800, capped: true });
    expect(chooseAwsRole(single!, DEPLOY, 1800).capped).toBe(false);
  });
});
