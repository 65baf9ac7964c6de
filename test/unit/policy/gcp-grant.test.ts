import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { chooseGcpGrant } from '../../../src/policy/gcp-grant.ts';
import { parsePolicy } from '../../../src/policy/load.ts';
import { thrown } from '../../helpers/broker-error.ts';

const PROVIDER = 'projects/123456789/locations/global/workloadIdentityPools/ci-pool/providers/github';
const DEPLOYER = 'deployer@octo-project.iam.gserviceaccount.com';
const READER = 'reader@octo-project.iam.gserviceaccount.com';
const [single, several, aws] = parsePolicy(
  `version: 1
rules:
  - name: single
    match: {ref: x}
    grant: {gcp: {workload-identity-provider: ${PROVIDER}, service-accounts: [${DEPLOYER}], max-lifetime: 5m}}
  - name: several
    match: {ref: y}
    grant: {gcp: {workload-identity-provider: ${PROVIDER}, service-accounts: [${DEPLOYER}, ${READER}], scopes: ["https://www.googleapis.com/auth/devstorage.read_only"]}}
  - name: aws-only
    match: {ref: z}
    grant: {aws: {roles: [arn:aws:iam::111122223333:role/deploy]}}
`,
  'p.yml',
).rules;

describe('the gcp grant', () => {
  it('defaults to ten minutes and the cloud-platform scope', () => {
    expect(several!.grant?.gcp).toEqual({
      workloadIdentityProvider: PROVIDER,
      serviceAccounts: [DEPLOYER, READER],
      maxLifetimeSeconds: 600,
      scopes: ['https://www.googleapis.com/auth/devstorage.read_only'],
      idTokenAudiences: [],
    });
    expect(single!.grant?.gcp?.scopes).toEqual(['https://www.googleapis.com/auth/cloud-platform']);
  });

  it.each([
    [`{workload-identity-provider: projects/x/pools/y}`, 'is not a provider\'s full resource name'],
    [`{workload-identity-provider: ${PROVIDER}, service-accounts: [deployer@gmail.com]}`, 'is not a service account email'],
    [`{workload-identity-provider: ${PROVIDER}, max-lifetime: 2h}`, 'max-lifetime "2h" is not between 1 s and 1h (3600 s)'],
  ])('refuses %s', (grant, problem) => {
    const error = thrown(() => parsePolicy(`version: 1\nrules:\n  - name: r\n    match: {ref: x}\n    grant: {gcp: ${grant}}\n`, 'p.yml'));
    expect(error.message).toContain(problem);
  });
});

describe('chooseGcpGrant', () => {
  it('takes the rule’s only service account and caps the lifetime', () => {
    expect(chooseGcpGrant(single!, { provider: undefined, serviceAccount: undefined, lifetimeSeconds: 600 })).toEqual({
      workloadIdentityProvider: PROVIDER,
      serviceAccount: DEPLOYER,
      lifetimeSeconds: 300,
      capped: true,
      scopes: ['https://www.googleapis.com/auth/cloud-platform'],
      idTokenAudience: undefined,
    });
  });

  it('admits an ID token only for an audience the rule lists, and only as a service account', () => {
    const [cloudRun, federatedOnly] = parsePolicy(
      `version: 1
rules:
  - name: cloud-run
    match: {ref: x}
    grant: {gcp: {workload-identity-provider: ${PROVIDER}, service-accounts: [${DEPLOYER}], id-token-audiences: ["https://app-abc.a.run.app"]}}
  - name: federated-only
    match: {ref: y}
    grant: {gcp: {workload-identity-provider: ${PROVIDER}, id-token-audiences: ["https://app-abc.a.run.app"]}}
`,
      'p.yml',
    ).rules;
    const ask = (rule: typeof cloudRun, idTokenAudience: string) => chooseGcpGrant(rule!, { provider: PROVIDER, serviceAccount: undefined, lifetimeSeconds: 600, idTokenAudience });
    expect(ask(cloudRun, 'https://app-abc.a.run.app')).toMatchObject({ serviceAccount: DEPLOYER, idTokenAudience: 'https://app-abc.a.run.app' });
    const other = thrown(() => ask(cloudRun, 'https://admin.a.run.app'));
    expect([other.code, other.message]).toEqual([ErrorCode.RoleNotGranted, 'Rule "cloud-run" does not grant ID tokens for the audience "https://admin.a.run.app"; it grants "https://app-abc.a.run.app".']);
    expect(thrown(() => ask(single, 'https://app-abc.a.run.app')).message).toBe('Rule "single" does not grant ID tokens for the audience "https://app-abc.a.run.app".');
    expect(thrown(() => ask(federatedOnly, 'https://app-abc.a.run.app')).message).toBe('Rule "federated-only" grants no service account, and Google mints ID tokens only as one.');
  });

  it('grants a requested account that the rule lists, and refuses one it does not', () => {
    expect(chooseGcpGrant(several!, { provider: PROVIDER, serviceAccount: READER, lifetimeSeconds: 600 }).serviceAccount).toBe(READER);
    expect(thrown(() => chooseGcpGrant(single!, { provider: PROVIDER, serviceAccount: READER, lifetimeSeconds: 600 })).message).toBe(`Rule "single" does not grant the service account ${READER}; it grants ${DEPLOYER}.`);
    expect(thrown(() => chooseGcpGrant(several!, { provider: undefined, serviceAccount: undefined, lifetimeSeconds: 600 })).message).toContain('grants several service accounts');
  });

  it('refuses another provider, and a rule without Google access', () => {
    const other = 'projects/1/locations/global/workloadIdentityPools/other/providers/github';
    expect(thrown(() => chooseGcpGrant(single!, { provider: other, serviceAccount: undefined, lifetimeSeconds: 600 })).message).toBe(`Rule "single" does not grant the workload identity provider ${other}; it grants ${PROVIDER}.`);
    const error = thrown(() => chooseGcpGrant(aws!, { provider: undefined, serviceAccount: undefined, lifetimeSeconds: 600 }));
    expect(error.code).toBe(ErrorCode.RoleNotGranted);
    expect(error.message).toBe('Rule "aws-only" allowed this job but grants no Google Cloud access.');
  });
});
