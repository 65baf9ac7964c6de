// The IAM inline-policy API of the AWS emulator, through the real @aws-sdk/client-iam, and its wire
// format through raw signed requests.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { request as httpRequest } from 'node:http';
import {
  DeleteRolePolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListRolePoliciesCommand,
  PutRolePolicyCommand,
  paginateListRolePolicies,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, type Credentials, type STSClient } from '@aws-sdk/client-sts';
import { githubTrustPolicy, startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';
import type { RoleDefinition } from '../../../src/sandbox/aws/aws-emulator.ts';
import { MAX_ROLE_INLINE_POLICY_CHARS } from '../../../src/sandbox/aws/inline-policies.ts';
import { AwsApiError } from '../../../src/sandbox/aws/query-protocol.ts';
import { anonymousSts, awsError, clientsFor, errorCode, sendSigned, signQuery, STS_AUDIENCE, type SignedQuery } from './aws-fixture.ts';

const ACCOUNT = '111122223333';
const BOUNDARY_ARN = `arn:aws:iam::${ACCOUNT}:policy/boundary`;
let sandbox: Sandbox;
let sts: STSClient;
let revoker: { credentials: Credentials; iam: IAMClient };
const opened: Array<{ destroy(): void }> = [];

beforeAll(async () => {
  sandbox = await startSandbox({
    managedPolicies: { boundary: { Statement: { Effect: 'Allow', Action: 'iam:Get*', Resource: '*' } } },
    roles: (provider): RoleDefinition[] => {
      const trustPolicy = githubTrustPolicy(provider, 'repo:octo-org/app:*');
      return [
        {
          name: 'revoker',
          trustPolicy,
          permissions: {
            'manage-role-policies': {
              Statement: {
                Effect: 'Allow',
                Action: ['iam:GetRole', 'iam:PutRolePolicy', 'iam:GetRolePolicy', 'iam:DeleteRolePolicy', 'iam:ListRolePolicies'],
                Resource: `arn:aws:iam::${ACCOUNT}:role/*`,
              },
            },
          },
        },
        { name: 'target', trustPolicy, permissions: { 'read-own-role': { Statement: { Effect: 'Allow', Action: 'iam:GetRole', Resource: `arn:aws:iam::${ACCOUNT}:role/target` } } } },
        { name: 'quota', trustPolicy },
        { name: 'listed', trustPolicy },
        { name: 'bounded', trustPolicy, permissionsBoundary: BOUNDARY_ARN },
      ];
    },
  });
  sts = anonymousSts(sandbox.aws.url);
  revoker = await sessionOf('revoker');
});
// 'listed' and 'quota' are scratch roles: each test starts with them bare.
afterEach(async () => {
  for (const RoleName of ['listed', 'quota']) {
    for (const PolicyName of (await names(RoleName)) ?? []) await revoker.iam.send(new DeleteRolePolicyCommand({ RoleName, PolicyName }));
  }
});
afterAll(async () => {
  for (const client of [sts, ...opened]) client.destroy();
  await sandbox.close();
});

async function sessionOf(role: string, sessionName = 'unit-test'): Promise<{ credentials: Credentials; iam: IAMClient }> {
  const { Credentials: credentials } = await sts.send(
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: `arn:aws:iam::${ACCOUNT}:role/${role}`,
      RoleSessionName: sessionName,
      WebIdentityToken: await sandbox.issuer.mint({ audience: STS_AUDIENCE }),
      DurationSeconds: 900,
    }),
  );
  const clients = clientsFor(sandbox.aws.url, credentials!);
  opened.push(clients.sts, clients.iam);
  return { credentials: credentials!, iam: clients.iam };
}

const put = (RoleName: string, PolicyName: string, PolicyDocument: string) => revoker.iam.send(new PutRolePolicyCommand({ RoleName, PolicyName, PolicyDocument }));
const getText = async (RoleName: string, PolicyName: string) => decodeURIComponent((await revoker.iam.send(new GetRolePolicyCommand({ RoleName, PolicyName }))).PolicyDocument!);
const names = async (RoleName: string) => (await revoker.iam.send(new ListRolePoliciesCommand({ RoleName }))).PolicyNames;

/** A valid policy whose text, whitespace excluded, is exactly `size` characters long. */
function policyOfSize(size: number): string {
  const text = (resource: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: resource }] });
  const base = text('arn:aws:iam::111122223333:role/');
  return text(`arn:aws:iam::111122223333:role/${'r'.repeat(size - base.length)}`);
}

const allowGetRole = (sid: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: sid, Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' }] });

describe('PutRolePolicy and GetRolePolicy', () => {
  it('store a document and hand back the text as written, URL-encoded, with the role and policy names', async () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "iam:GetRole", "Resource": "*"}]\n}';
    await put('target', 'pretty', text);
    const result = await revoker.iam.send(new GetRolePolicyCommand({ RoleName: 'target', PolicyName: 'pretty' }));
    expect({ RoleName: result.RoleName, PolicyName: result.PolicyName }).toEqual({ RoleName: 'target', PolicyName: 'pretty' });
    expect(result.PolicyDocument).toBe(encodeURIComponent(text));
    expect(decodeURIComponent(result.PolicyDocument!)).toBe(text);
    await revoker.iam.send(new DeleteRolePolicyCommand({ RoleName: 'target', PolicyName: 'pretty' }));
  });

  it('replace a policy of the same name: the later write wins', async () => {
    await put('listed', 'replaced', allowGetRole('first'));
    await put('listed', 'replaced', allowGetRole('second'));
    expect(await getText('listed', 'replaced')).toBe(allowGetRole('second'));
    expect(await names('listed')).toEqual(['replaced']);
  });

  it('answer on the wire as IAM does: no Result element for PutRolePolicy, an encoded document for GetRolePolicy', async () => {
    const call = async (params: Record<string, string>) => sendSigned(await signQuery(sandbox.aws.url, revoker.credentials, { Version: '2010-05-08', ...params }));
    const document = '{"Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"*"}]}';
    const written = await call({ Action: 'PutRolePolicy', RoleName: 'target', PolicyName: 'wire', PolicyDocument: document });
    expect(written.status).toBe(200);
    expect(written.body).toMatch(/^<PutRolePolicyResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/"><ResponseMetadata><RequestId>[\w-]+<\/RequestId><\/ResponseMetadata><\/PutRolePolicyResponse>$/);
    const read = await call({ Action: 'GetRolePolicy', RoleName: 'target', PolicyName: 'wire' });
    expect(read.body).toContain(`<GetRolePolicyResult><RoleName>target</RoleName><PolicyName>wire</PolicyName><PolicyDocument>${encodeURIComponent(document)}</PolicyDocument></GetRolePolicyResult>`);
    const deleted = await call({ Action: 'DeleteRolePolicy', RoleName: 'target', PolicyName: 'wire' });
    expect(deleted.body).toMatch(/^<DeleteRolePolicyResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/"><ResponseMetadata>/);
  });

  it.each([
    ['text that is not JSON', '{"Statement": [', 'Syntax errors in policy.'],
    ['a document without statements', '{"Version":"2012-10-17"}', 'Syntax errors in policy.'],
    ['an unknown effect', '{"Statement":{"Effect":"Maybe","Action":"*","Resource":"*"}}', 'Syntax errors in policy.'],
    ['a principal', '{"Statement":{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}}', 'Policy document should not specify a principal.'],
    ['a statement without actions', '{"Statement":{"Effect":"Allow","Resource":"*"}}', 'Policy statement must contain actions.'],
    ['a statement without resources', '{"Statement":{"Effect":"Allow","Action":"*"}}', 'Policy statement must contain resources.'],
    ['a condition operator the sandbox cannot evaluate', '{"Statement":{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringMatches":{"aws:userid":"x"}}}}', 'Syntax errors in policy.'],
    ['an action that is not text', '{"Statement":{"Effect":"Allow","Action":7,"Resource":"*"}}', 'Syntax errors in policy.'],
  ])('refuse %s with MalformedPolicyDocument, and keep what was there', async (_label, document, message) => {
    const error = await awsError(put('listed', 'malformed', document));
    expect(error).toEqual({ name: 'MalformedPolicyDocumentException', message, status: 400 });
    expect(await names('listed')).toEqual([]);
  });

  it('refuse names IAM would not accept with ValidationError', async () => {
    expect(await awsError(put('listed', 'has space', allowGetRole('x')))).toEqual({
      name: 'ValidationError',
      message: "1 validation error detected: Value 'has space' at 'policyName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
      status: 400,
    });
    expect((await awsError(put('r'.repeat(65), 'ok', allowGetRole('x')))).message).toContain("at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64");
  });
});

describe('the inline policy quota', () => {
  it(`admits ${MAX_ROLE_INLINE_POLICY_CHARS} characters across a role’s inline policies and refuses one more with LimitExceeded`, async () => {
    await put('quota', 'a', policyOfSize(6000));
    await put('quota', 'b', policyOfSize(MAX_ROLE_INLINE_POLICY_CHARS - 6000));
    expect(await awsError(put('quota', 'b', policyOfSize(MAX_ROLE_INLINE_POLICY_CHARS - 6000 + 1)))).toEqual({
      name: 'LimitExceededException',
      message: 'Maximum policy size of 10240 bytes exceeded for role quota',
      status: 409,
    });
    // The refused write left the earlier one in place.
    expect((await getText('quota', 'b')).length).toBe(MAX_ROLE_INLINE_POLICY_CHARS - 6000);
    expect((await awsError(put('quota', 'c', policyOfSize(200)))).name).toBe('LimitExceededException');
  });

  it('does not count whitespace, and counts a replaced policy once', async () => {
    const padded = policyOfSize(MAX_ROLE_INLINE_POLICY_CHARS).replace(/,/g, ',\n    ');
    await put('quota', 'padded', padded);
    await put('quota', 'padded', policyOfSize(MAX_ROLE_INLINE_POLICY_CHARS));
    expect(await getText('quota', 'padded')).toBe(policyOfSize(MAX_ROLE_INLINE_POLICY_CHARS));
  });
});

describe('DeleteRolePolicy', () => {
  it('removes the policy, after which reading or deleting it again is NoSuchEntity', async () => {
    await put('listed', 'doomed', allowGetRole('doomed'));
    await revoker.iam.send(new DeleteRolePolicyCommand({ RoleName: 'listed', PolicyName: 'doomed' }));
    expect(await names('listed')).toEqual([]);
    const missing = { name: 'NoSuchEntityException', message: 'The role policy with name doomed cannot be found.', status: 404 };
    expect(await awsError(revoker.iam.send(new GetRolePolicyCommand({ RoleName: 'listed', PolicyName: 'doomed' })))).toEqual(missing);
    expect(await awsError(revoker.iam.send(new DeleteRolePolicyCommand({ RoleName: 'listed', PolicyName: 'doomed' })))).toEqual(missing);
  });

  it('takes the policy’s permissions away from sessions already issued', async () => {
    await put('listed', 'read-listed', JSON.stringify({ Statement: { Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' } }));
    const listed = await sessionOf('listed');
    await expect(listed.iam.send(new GetRoleCommand({ RoleName: 'listed' }))).resolves.toMatchObject({ Role: { RoleName: 'listed' } });
    await revoker.iam.send(new DeleteRolePolicyCommand({ RoleName: 'listed', PolicyName: 'read-listed' }));
    expect((await awsError(listed.iam.send(new GetRoleCommand({ RoleName: 'listed' })))).message).toContain('because no identity-based policy allows the iam:GetRole action');
  });
});

describe('ListRolePolicies', () => {
  it('lists a role’s inline policy names in order, and an empty list for a role without any', async () => {
    expect(await names('target')).toEqual(['read-own-role']);
    expect(await names('listed')).toEqual([]);
    const result = await revoker.iam.send(new ListRolePoliciesCommand({ RoleName: 'listed' }));
    expect(result.IsTruncated).toBe(false);
    expect(result.Marker).toBeUndefined();
  });

  it('pages with MaxItems and Marker, which the SDK’s paginator follows', async () => {
    const written = ['echo', 'alpha', 'delta', 'charlie', 'bravo'];
    for (const name of written) await put('listed', name, allowGetRole(name));
    const first = await revoker.iam.send(new ListRolePoliciesCommand({ RoleName: 'listed', MaxItems: 2 }));
    expect(first).toMatchObject({ PolicyNames: ['alpha', 'bravo'], IsTruncated: true });
    const second = await revoker.iam.send(new ListRolePoliciesCommand({ RoleName: 'listed', MaxItems: 2, Marker: first.Marker }));
    expect(second).toMatchObject({ PolicyNames: ['charlie', 'delta'], IsTruncated: true });
    const pages: string[][] = [];
    for await (const page of paginateListRolePolicies({ client: revoker.iam, pageSize: 2 }, { RoleName: 'listed' })) pages.push(page.PolicyNames ?? []);
    expect(pages).toEqual([['alpha', 'bravo'], ['charlie', 'delta'], ['echo']]);
  });

  it('writes the names as a member list with IsTruncated on the wire', async () => {
    const response = await sendSigned(await signQuery(sandbox.aws.url, revoker.credentials, { Action: 'ListRolePolicies', Version: '2010-05-08', RoleName: 'target' }));
    expect(response.body).toContain('<ListRolePoliciesResult><PolicyNames><member>read-own-role</member></PolicyNames><IsTruncated>false</IsTruncated></ListRolePoliciesResult>');
  });

  it('refuses a MaxItems outside 1 to 1000 with ValidationError', async () => {
    expect(await awsError(revoker.iam.send(new ListRolePoliciesCommand({ RoleName: 'listed', MaxItems: 0 })))).toEqual({
      name: 'ValidationError',
      message: "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1 and less than or equal to 1000",
      status: 400,
    });
  });
});

describe('authorization of the role policy actions', () => {
  const commands = {
    PutRolePolicy: (RoleName: string) => new PutRolePolicyCommand({ RoleName, PolicyName: 'sneaky', PolicyDocument: allowGetRole('sneaky') }),
    GetRolePolicy: (RoleName: string) => new GetRolePolicyCommand({ RoleName, PolicyName: 'read-own-role' }),
    DeleteRolePolicy: (RoleName: string) => new DeleteRolePolicyCommand({ RoleName, PolicyName: 'read-own-role' }),
    ListRolePolicies: (RoleName: string) => new ListRolePoliciesCommand({ RoleName }),
  };

  it.each(Object.keys(commands) as Array<keyof typeof commands>)('refuses %s to a session whose role does not allow it, and changes nothing', async (action) => {
    const { iam } = await sessionOf('target');
    // Each command type has its own send overload, so the union is sent through a common signature.
    const send = iam.send.bind(iam) as (command: unknown) => Promise<unknown>;
    expect(await awsError(send(commands[action]('target')))).toEqual({
      name: 'AccessDenied',
      message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/target/unit-test is not authorized to perform: iam:${action} on resource: arn:aws:iam::${ACCOUNT}:role/target because no identity-based policy allows the iam:${action} action`,
      status: 403,
    });
    // Refused before it looks: a role that does not exist is AccessDenied too, not NoSuchEntity.
    expect((await awsError(send(commands[action]('ghost')))).name).toBe('AccessDenied');
    expect(await names('target')).toEqual(['read-own-role']);
  });

  it.each(Object.keys(commands) as Array<keyof typeof commands>)('answers %s on a missing role with NoSuchEntity once the caller may look', async (action) => {
    const send = revoker.iam.send.bind(revoker.iam) as (command: unknown) => Promise<unknown>;
    expect(await awsError(send(commands[action]('ghost')))).toEqual({ name: 'NoSuchEntityException', message: 'The role with name ghost cannot be found.', status: 404 });
  });
});

describe('GetRole', () => {
  it('names the permissions boundary of a role that has one, and none for a role without', async () => {
    const { Role: bounded } = await revoker.iam.send(new GetRoleCommand({ RoleName: 'bounded' }));
    expect(bounded?.PermissionsBoundary).toEqual({ PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: BOUNDARY_ARN });
    const { Role: plain } = await revoker.iam.send(new GetRoleCommand({ RoleName: 'target' }));
    expect(plain).toMatchObject({ RoleName: 'target' });
    expect(plain?.PermissionsBoundary).toBeUndefined();
  });
});

/** Sends a signed request in two parts, so that a test decides when the emulator has all of it. */
function sendInTwoParts(query: SignedQuery): { finish(): void; response: Promise<number> } {
  const split = Math.floor(query.body.length / 2);
  const outgoing = httpRequest(query.url, { method: 'POST', headers: { ...query.headers, 'content-length': Buffer.byteLength(query.body) } });
  const response = new Promise<number>((resolve, reject) => {
    outgoing.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    outgoing.on('error', reject);
  });
  outgoing.write(query.body.slice(0, split));
  return { finish: () => outgoing.end(query.body.slice(split)), response };
}

describe('concurrent PutRolePolicy writers', () => {
  it('are applied one whole request at a time, in the order their requests complete: the last write wins', async () => {
    const second = await sessionOf('revoker', 'second-writer');
    const first = sendInTwoParts(
      await signQuery(sandbox.aws.url, revoker.credentials, { Action: 'PutRolePolicy', Version: '2010-05-08', RoleName: 'listed', PolicyName: 'contended', PolicyDocument: allowGetRole('began-first') }),
    );
    try {
      await second.iam.send(new PutRolePolicyCommand({ RoleName: 'listed', PolicyName: 'contended', PolicyDocument: allowGetRole('finished-first') }));
      // The first request is still arriving: nothing of it shows yet.
      expect(await getText('listed', 'contended')).toBe(allowGetRole('finished-first'));
    } finally {
      first.finish();
    }
    expect(await first.response).toBe(200);
    expect(await getText('listed', 'contended')).toBe(allowGetRole('began-first'));
  });

  it('leave exactly one writer’s whole document, which only that writer then reads back as its own', async () => {
    const writers = await Promise.all(['w1', 'w2', 'w3', 'w4'].map((name) => sessionOf('revoker', name)));
    const documents = writers.map((_, i) => JSON.stringify({ Statement: [{ Sid: `writer${i}`, Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:userid': `AROAEXAMPLE:sess-${i}` } } }] }));
    await Promise.all(writers.map(({ iam }, i) => iam.send(new PutRolePolicyCommand({ RoleName: 'listed', PolicyName: 'deny-list', PolicyDocument: documents[i] }))));
    const stored = await getText('listed', 'deny-list');
    // The verify step of a read-modify-write-verify loop: exactly one writer sees its own write.
    expect(documents.filter((document) => document === stored)).toHaveLength(1);
    expect(await names('listed')).toEqual(['deny-list']);
  });
});

describe('fault injection by action', () => {
  it('fails the next requests of the named IAM action only, without applying them, until served', async () => {
    const message = 'Request processing has failed due to some unknown error, exception or failure.';
    sandbox.aws.injectFaults(new AwsApiError('ServiceFailure', 500, message), 1, 'PutRolePolicy');
    try {
      const { sts: signed } = clientsFor(sandbox.aws.url, revoker.credentials);
      opened.push(signed);
      expect(await names('listed')).toEqual([]);
      await expect(signed.send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
      expect(await awsError(put('listed', 'faulted', allowGetRole('faulted')))).toEqual({ name: 'ServiceFailureException', message, status: 500 });
      expect(await names('listed')).toEqual([]);
      await put('listed', 'faulted', allowGetRole('faulted'));
      expect(await names('listed')).toEqual(['faulted']);
    } finally {
      sandbox.aws.clearFaults();
    }
  });

  it('throttles a named action, and clearFaults drops what is left', async () => {
    sandbox.aws.throttle(2, 'GetRolePolicy');
    try {
      expect(await awsError(revoker.iam.send(new GetRolePolicyCommand({ RoleName: 'target', PolicyName: 'read-own-role' })))).toEqual({ name: 'Throttling', message: 'Rate exceeded', status: 400 });
    } finally {
      sandbox.aws.clearFaults();
    }
    await expect(revoker.iam.send(new GetRolePolicyCommand({ RoleName: 'target', PolicyName: 'read-own-role' }))).resolves.toMatchObject({ PolicyName: 'read-own-role' });
  });

  it('keeps a named STS action’s faults to that action, apart from the queue shared by all STS actions', async () => {
    sandbox.aws.throttle(1, 'GetCallerIdentity');
    try {
      const { sts: signed } = clientsFor(sandbox.aws.url, revoker.credentials);
      opened.push(signed);
      await expect(sessionOf('target')).resolves.toBeDefined();
      expect((await awsError(signed.send(new GetCallerIdentityCommand({})))).name).toBe('Throttling');
      await expect(signed.send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
    } finally {
      sandbox.aws.clearFaults();
    }
  });

  it('refuses to queue a fault for an action the emulator does not have', () => {
    expect(() => sandbox.aws.throttle(1, 'PutRolePolicies')).toThrow('the AWS emulator has no action PutRolePolicies');
  });

  it('serves a raw request for the faulted action with the fault’s code', async () => {
    sandbox.aws.throttle(1, 'ListRolePolicies');
    try {
      const response = await sendSigned(await signQuery(sandbox.aws.url, revoker.credentials, { Action: 'ListRolePolicies', Version: '2010-05-08', RoleName: 'target' }));
      expect(response.status).toBe(400);
      expect(errorCode(response.body)).toBe('Throttling');
      expect(response.body).toContain('<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">');
    } finally {
      sandbox.aws.clearFaults();
    }
  });
});
