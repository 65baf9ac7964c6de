// The post step in broker mode: one /v1/revoke with a fresh token of the run, whose answer gives each
// recorded credential its outcome, in the same words as when the step revokes itself.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { runPost } from '../../../src/action/run-post.ts';
import { brokerSessionName } from '../../../src/broker-client/broker-client.ts';
import { OidcIssuer } from '../../../src/sandbox/issuer/oidc-issuer.ts';
import { actionContext, type ActionContext } from '../../helpers/action-context.ts';
import { awsCredentialRecord, gcpCredentialRecord } from '../../helpers/issued-credential.ts';

let context: ActionContext;
let issuer: OidcIssuer;
let broker: Server;
let brokerUrl: string;
const requests: Array<{ path: string | undefined; authorization: string | undefined }> = [];
let answer: { status: number; body: unknown } = { status: 200, body: { sessions: [] } };

beforeAll(async () => {
  context = await actionContext();
  issuer = await OidcIssuer.start();
  process.env.ACTIONS_ID_TOKEN_REQUEST_URL = issuer.tokenRequestUrl;
  process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = issuer.tokenRequestBearer;
  broker = createServer((req, res) => {
    requests.push({ path: req.url, authorization: req.headers.authorization });
    req.resume();
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => broker.listen(0, '127.0.0.1', resolve));
  brokerUrl = `http://127.0.0.1:${(broker.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => broker.close(resolve));
  await issuer.close();
  await context.restore();
});
afterEach(async () => {
  delete process.env['STATE_issued-credentials'];
  delete process.env.STATE_broker;
  requests.length = 0;
  await writeFile(process.env.GITHUB_STEP_SUMMARY!, '');
});

const AWS_SESSION = 'c0ffee00-0000-4000-8000-000000000001';
const GCP_SESSION = 'c0ffee00-0000-4000-8000-000000000002';
const AWS_USERID = 'AROAEXAMPLEID0000001:octo-org.app@9876543210-1-deploy';

function brokerState(url = brokerUrl): void {
  process.env.STATE_broker = JSON.stringify({ url, audience: 'https://broker.test' });
  // As the main step records them: AWS by the session's aws:userid, as in the direct path; Google by the broker's session.
  process.env['STATE_issued-credentials'] = JSON.stringify([awsCredentialRecord({ identity: AWS_USERID }), gcpCredentialRecord({ identity: brokerSessionName(GCP_SESSION), files: [] })]);
}

describe('runPost with a broker', () => {
  it('asks the broker with a fresh token for the broker’s audience and reports each session in the usual words', async () => {
    brokerState();
    answer = {
      status: 200,
      body: {
        sessions: [
          { sessionId: AWS_SESSION, provider: 'aws', target: 'arn:aws:iam::111122223333:role/deploy', assumedRoleId: AWS_USERID, outcome: 'denied', detail: 'Session "s" is denied from now on (inline policy p).' },
          { sessionId: GCP_SESSION, provider: 'gcp', target: 'deploy@p.iam.gserviceaccount.com', outcome: 'cleared-only', detail: 'Google cannot revoke access tokens.' },
          { sessionId: 'c0ffee00-0000-4000-8000-000000000003', provider: 'aws', target: 'arn:aws:iam::111122223333:role/deploy', outcome: 'denied', detail: 'orphan' },
        ],
      },
    };
    const start = context.stdout().length;
    await runPost();
    expect(requests).toEqual([{ path: '/v1/revoke', authorization: `Bearer ${issuer.servedToRunner.at(-1)!.token}` }]);
    expect(JSON.parse(Buffer.from(issuer.servedToRunner.at(-1)!.token.split('.')[1]!, 'base64url').toString()).aud).toBe('https://broker.test');
    const log = context.stdout().slice(start);
    expect(log).toContain(`::add-mask::${issuer.servedToRunner.at(-1)!.token}`);
    expect(log).toContain('the broker also ended 1 session(s) of this run that no main step recorded');
    const summary = await context.summary();
    expect(summary).toContain('<td>revoked</td>');
    expect(summary).toContain('<td>cleared only</td>');
  });

  it('says when the broker ended the whole run’s sessions because the token names no job, and not when it ended the job’s alone', async () => {
    brokerState();
    const sessions = [{ sessionId: AWS_SESSION, provider: 'aws', target: 'arn:aws:iam::111122223333:role/deploy', assumedRoleId: AWS_USERID, outcome: 'denied', detail: 'denied' }];
    answer = { status: 200, body: { sessions, scope: 'run' } };
    let start = context.stdout().length;
    await runPost();
    expect(context.stdout().slice(start)).toContain('the job’s token names no job (no check_run_id), so the broker ended every session of this run, those of parallel jobs included');

    brokerState();
    answer = { status: 200, body: { sessions, scope: 'job' } };
    start = context.stdout().length;
    await runPost();
    expect(context.stdout().slice(start)).not.toContain('parallel jobs');
    expect(await context.summary()).toContain('<td>revoked</td>');
  });

  it('reports every credential failed, with the broker’s code, when the broker refuses', async () => {
    brokerState();
    answer = { status: 401, body: { error: { code: 'TOKEN_EXPIRED', message: 'The token expired.', hint: 'Request a fresh one.' } } };
    await runPost();
    const summary = await context.summary();
    expect(summary.match(/<td>failed<\/td>/g)).toHaveLength(2);
    expect(summary).toContain('The broker could not revoke this run&#39;s sessions (TOKEN_EXPIRED: The token expired. Request a fresh one.)');
  });

  it('reports a session the broker no longer holds as not revocable, and an unreachable broker as failed', async () => {
    brokerState();
    answer = { status: 200, body: { sessions: [] } };
    await runPost();
    expect(await context.summary()).toContain('The broker holds no active session for it any more');

    await writeFile(process.env.GITHUB_STEP_SUMMARY!, '');
    brokerState('http://127.0.0.1:9');
    await runPost();
    expect(await context.summary()).toContain('could not be reached');
  });

  it('still asks the broker when the main step recorded nothing, for sessions it did not live to record', async () => {
    process.env.STATE_broker = JSON.stringify({ url: brokerUrl, audience: 'https://broker.test' });
    answer = { status: 200, body: { sessions: [] } };
    await runPost();
    expect(requests.map((r) => r.path)).toEqual(['/v1/revoke']);
  });
});
