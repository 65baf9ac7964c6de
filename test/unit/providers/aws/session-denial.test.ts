import { describe, expect, it } from '@jest/globals';
import { denyNamedSessions, denyOneSession, denySessionsIssuedBefore, denyTaggedSessions, obsoleteDenials } from '../../../../src/providers/aws/session-denial.ts';

const SESSION = 'AROAEXAMPLEROLEID:octo-org.app@42-1-deploy';

describe('denyOneSession', () => {
  const denial = denyOneSession(SESSION, new Date('2030-01-02T03:04:05Z'));

  it('denies everything to exactly that aws:userid', () => {
    expect(denial.document).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'CiOidcBrokerRevocation', Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:userid': SESSION } } }],
    });
  });

  it('is named for its session and its expiry, within IAM’s name rules', () => {
    expect(denial.policyName).toMatch(/^ci-oidc-broker-deny-session-20300102T030405Z-[0-9a-f]{16}$/);
    expect(denial.policyName.length).toBeLessThanOrEqual(128);
    expect(denyOneSession(SESSION, new Date('2030-01-02T03:04:05Z')).policyName).toBe(denial.policyName);
    expect(denyOneSession(`${SESSION}x`, new Date('2030-01-02T03:04:05Z')).policyName).not.toBe(denial.policyName);
  });
});

describe('denySessionsIssuedBefore', () => {
  it('denies by aws:TokenIssueTime, on whole seconds that the name and the condition share', () => {
    const denial = denySessionsIssuedBefore(new Date('2030-01-02T03:04:05.789Z'), 3600);
    expect(denial.policyName).toBe('ci-oidc-broker-deny-before-20300102T030405Z');
    expect(denial.document.Statement[0]!.Condition).toEqual({ DateLessThan: { 'aws:TokenIssueTime': '2030-01-02T03:04:05.000Z' } });
    expect(denial.obsoleteAt.toISOString()).toBe('2030-01-02T04:04:05.000Z');
  });
});

describe('denyNamedSessions', () => {
  it('denies several aws:userids in one statement, whatever their order, until the last expiry', () => {
    const until = new Date('2030-01-02T03:04:05Z');
    const denial = denyNamedSessions([`${SESSION}b`, `${SESSION}a`, `${SESSION}b`], until);
    expect(denial.document.Statement[0]!.Condition).toEqual({ StringEquals: { 'aws:userid': [`${SESSION}a`, `${SESSION}b`] } });
    expect(denyNamedSessions([`${SESSION}a`, `${SESSION}b`], until).policyName).toBe(denial.policyName);
    expect(denial.policyName).toMatch(/^ci-oidc-broker-deny-session-20300102T030405Z-[0-9a-f]{16}$/);
  });
});

describe('denyTaggedSessions', () => {
  const denial = denyTaggedSessions([{ repository_id: '8429' }, { project_id: '8429', namespace_id: '7' }], new Date('2030-01-02T03:04:05.200Z'), 3600);

  it('denies, one statement per tag set, the sessions carrying all its tags and issued before the cutoff rounded up to the second', () => {
    expect(denial.document.Statement).toEqual([
      { Sid: 'CiOidcBrokerRevocation0', Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/repository_id': '8429' }, DateLessThan: { 'aws:TokenIssueTime': '2030-01-02T03:04:06.000Z' } } },
      {
        Sid: 'CiOidcBrokerRevocation1',
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalTag/project_id': '8429', 'aws:PrincipalTag/namespace_id': '7' }, DateLessThan: { 'aws:TokenIssueTime': '2030-01-02T03:04:06.000Z' } },
      },
    ]);
  });

  it('is named for the moment it protects nothing any more (the cutoff plus the longest session) and its content, and is pruned after it', () => {
    expect(denial.obsoleteAt.toISOString()).toBe('2030-01-02T04:04:06.000Z');
    expect(denial.policyName).toMatch(/^ci-oidc-broker-deny-tagged-20300102T040406Z-[0-9a-f]{16}$/);
    expect(denyTaggedSessions([{ repository_id: '9000' }], new Date('2030-01-02T03:04:05.200Z'), 3600).policyName).not.toBe(denial.policyName);
    expect(obsoleteDenials([denial.policyName], new Date('2030-01-02T04:04:06Z'), 3600)).toEqual([]);
    expect(obsoleteDenials([denial.policyName], new Date('2030-01-02T04:04:07Z'), 3600)).toEqual([denial.policyName]);
  });
});

describe('obsoleteDenials', () => {
  const now = new Date('2030-01-02T12:00:00Z');
  const expired = denyOneSession(SESSION, new Date('2030-01-02T11:59:59Z')).policyName;
  const live = denyOneSession(SESSION, new Date('2030-01-02T12:15:00Z')).policyName;

  it('prunes session denials past their expiry, and keeps the live ones', () => {
    expect(obsoleteDenials([expired, live], now, 3600)).toEqual([expired]);
  });

  it('prunes a cutoff denial only once every session it could hit has expired', () => {
    const cutoff = denySessionsIssuedBefore(new Date('2030-01-02T11:30:00Z'), 3600).policyName;
    expect(obsoleteDenials([cutoff], now, 3600)).toEqual([]);
    expect(obsoleteDenials([cutoff], now, 1200)).toEqual([cutoff]);
  });

  it('never touches a policy that is not one of its own', () => {
    expect(obsoleteDenials(['read-own-role', 'ci-oidc-broker-deny-session-garbage', 'ci-oidc-broker-deny-before-20000101T000000Z-extra'], now, 3600)).toEqual([]);
  });
});
