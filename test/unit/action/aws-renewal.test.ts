import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { closeAwsRenewals, prepareRenewingProfile, renewAwsSession, writeRenewingProfile, type RenewingProfilePaths } from '../../../src/action/aws-renewal.ts';
import type { AwsSession } from '../../../src/providers/aws/exchange.ts';
import { awsCredentialRecord } from '../../../src/providers/aws/export.ts';
import type { AwsIssuedCredential } from '../../../src/providers/issued-credential.ts';
import { rejection } from '../../helpers/broker-error.ts';

const ROLE = 'arn:aws:iam::111122223333:role/ci-deploy';
let temp: string | undefined;
afterEach(async () => {
  if (temp !== undefined) await rm(temp, { recursive: true, force: true });
  temp = undefined;
});

function session(expiresAt: string): AwsSession {
  return {
    accessKeyId: 'ASIAEXAMPLEKEY',
    secretAccessKey: 'secret',
    sessionToken: 'token',
    expiration: new Date(expiresAt),
    assumedRoleId: 'AROAEXAMPLE:octo-org.app@1-1-deploy',
    assumedRoleArn: 'arn:aws:sts::111122223333:assumed-role/ci-deploy/octo-org.app@1-1-deploy',
    accountId: '111122223333',
    sessionName: 'octo-org.app@1-1-deploy',
    roleArn: ROLE,
    region: 'us-east-1',
  };
}

async function profile(name: string, first: AwsSession): Promise<{ paths: RenewingProfilePaths; record: AwsIssuedCredential }> {
  const paths = await prepareRenewingProfile(join(temp!, 'runner temp'), join(temp!, 'workspace'), name);
  await writeRenewingProfile(paths, {
    settings: {
      issuer: 'https://token.actions.githubusercontent.com',
      audience: 'sts.amazonaws.com',
      region: 'us-east-1',
      tokenFile: undefined,
      request: { role: ROLE, durationSeconds: 900, sessionPolicy: undefined, managedSessionPolicyArns: [] },
      chainToRole: undefined,
      sessionName: first.sessionName,
      identities: { [ROLE]: { identity: first.assumedRoleId, principal: first.assumedRoleArn } },
    },
    policy: { path: '.github/ci-oidc-broker.yml', files: { '.github/ci-oidc-broker.yml': 'version: 1\nrules: []\n' } },
    sessions: [first],
    cli: { node: '/opt/node 24/bin/node', script: "/opt/action's/dist/cli/index.js" },
  });
  const record = { ...awsCredentialRecord(first, ['AWS_CONFIG_FILE'], { audience: 'sts.amazonaws.com', revokerRoleArn: undefined }), files: [paths.folder], renewal: { ledger: paths.ledger, configFile: paths.configFile, profile: name } };
  return { paths, record };
}

describe('the renewing profile and its ledger', () => {
  it('writes the profile into the job’s one config file (0600, its folder 0700), beside another step’s, and holds no secret', async () => {
    temp = await mkdtemp(join(tmpdir(), 'renewal-unit-'));
    const deploy = await profile('deploy', session('2026-12-01T10:15:00Z'));
    const audit = await profile('audit', session('2026-12-01T10:16:00Z'));
    expect(audit.paths.configFile).toBe(deploy.paths.configFile);
    const config = await readFile(deploy.paths.configFile, 'utf8');
    expect(config).toContain("[profile deploy]\ncredential_process = '/opt/node 24/bin/node' '/opt/action'\\''s/dist/cli/index.js' 'aws-credential-process' '--renewal' ");
    expect(config).toContain('[profile audit]\n');
    expect((await stat(deploy.paths.configFile)).mode & 0o777).toBe(0o600);
    expect((await stat(deploy.paths.folder)).mode & 0o777).toBe(0o700);
    for (const file of ['renewal.json', 'policy-snapshot.json', 'ledger.jsonl']) {
      const text = await readFile(join(deploy.paths.folder, file), 'utf8');
      expect((await stat(join(deploy.paths.folder, file))).mode & 0o777).toBe(0o600);
      for (const secret of ['ASIAEXAMPLEKEY', 'secret', 'token"']) expect(text).not.toContain(secret);
    }
  });

  it('refuses RUNNER_TEMP inside the workspace', async () => {
    temp = await mkdtemp(join(tmpdir(), 'renewal-unit-'));
    expect(await rejection(prepareRenewingProfile(join(temp, 'work', '_temp'), join(temp, 'work'), 'deploy'))).toMatchObject({ code: 'INPUT_INVALID' });
  });

  it('closing it removes the profile, hands every recorded session to the revocation with its last expiry, and stops every renewal', async () => {
    temp = await mkdtemp(join(tmpdir(), 'renewal-unit-'));
    const first = session('2026-12-01T10:15:00Z');
    const { paths, record } = await profile('deploy', first);
    const other = await profile('other', session('2026-12-01T10:15:00Z'));
    // Two renewals of the same session identity, and a chained role's session.
    const entry = (role: string, identity: string, expiresAt: string): string => `${JSON.stringify({ event: 'issued', role, identity, principal: `arn:aws:sts::111122223333:assumed-role/${identity}`, sessionName: first.sessionName, expiresAt })}\n`;
    await appendFile(paths.ledger, entry(ROLE, first.assumedRoleId, '2026-12-01T10:30:00Z') + entry(ROLE, first.assumedRoleId, '2026-12-01T10:45:00Z'));
    await appendFile(paths.ledger, entry('arn:aws:iam::444455556666:role/target', 'AROATARGET:octo-org.app@1-1-deploy', '2026-12-01T10:40:00Z'));
    await appendFile(paths.ledger, '{"event":"issued","role":"cut sh');

    const { credentials, notes } = await closeAwsRenewals([record]);
    expect(notes).toEqual(['AWS: closed the renewing profile "deploy": 4 session(s) of octo-org.app@1-1-deploy were issued; none will be renewed from now on.']);
    expect(credentials.map((c) => [c.identity, c.expiresAt, c.files.length])).toEqual([
      [first.assumedRoleId, '2026-12-01T10:45:00Z', 1],
      ['AROATARGET:octo-org.app@1-1-deploy', '2026-12-01T10:40:00Z', 0],
    ]);
    const config = await readFile(paths.configFile, 'utf8');
    expect(config).not.toContain('[profile deploy]');
    expect(config).toContain('[profile other]');

    expect(await rejection(renewAwsSession(join(paths.folder, 'renewal.json'), {}))).toMatchObject({ code: 'AWS_RENEWAL_CLOSED' });
    // Closing twice (the post step run again) reads the same ledger and does no harm.
    expect((await closeAwsRenewals([record])).credentials).toHaveLength(2);
    // The last profile out deletes the file.
    await closeAwsRenewals([other.record]);
    await expect(stat(paths.configFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('renews nothing from a policy snapshot that changed after the main step pinned it', async () => {
    temp = await mkdtemp(join(tmpdir(), 'renewal-unit-'));
    const { paths } = await profile('deploy', session('2026-12-01T10:15:00Z'));
    await writeFile(join(paths.folder, 'policy-snapshot.json'), JSON.stringify({ path: '.github/ci-oidc-broker.yml', files: { '.github/ci-oidc-broker.yml': 'version: 1\nrules: [{name: all, match: {}}]\n' } }));
    expect(await rejection(renewAwsSession(join(paths.folder, 'renewal.json'), {}))).toMatchObject({ code: 'STATE_INVALID', message: expect.stringContaining('changed since the main step wrote it') });
  });
});
