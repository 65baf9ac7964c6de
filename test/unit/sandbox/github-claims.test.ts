import { describe, expect, it } from '@jest/globals';
import { claimsFor, defaultJob, subjectFor } from '../../../src/sandbox/issuer/github-claims.ts';

describe('subjectFor', () => {
  it('puts the environment first, as GitHub does', () => {
    expect(subjectFor({ ...defaultJob, environment: 'production', eventName: 'pull_request' })).toBe('repo:octo-org/app:environment:production');
  });

  it('names pull requests without their ref', () => {
    expect(subjectFor({ ...defaultJob, environment: undefined, eventName: 'pull_request', ref: 'refs/pull/7/merge' })).toBe('repo:octo-org/app:pull_request');
  });

  it('otherwise names the branch or tag ref', () => {
    expect(subjectFor({ ...defaultJob, environment: undefined })).toBe('repo:octo-org/app:ref:refs/heads/main');
    expect(subjectFor({ ...defaultJob, environment: '', ref: 'refs/tags/v1.2.0', refType: 'tag' })).toBe('repo:octo-org/app:ref:refs/tags/v1.2.0');
  });
});

describe('claimsFor', () => {
  it('spells every claim as GitHub does, with IDs and booleans as strings', () => {
    const claims = claimsFor({ ...defaultJob, refProtected: false, headRef: 'feature', baseRef: 'main' });
    for (const value of Object.values(claims)) expect(typeof value).toBe('string');
    expect(claims).toMatchObject({ repository_id: '8429', repository_owner_id: '1342004', actor_id: '583231', ref_protected: 'false', head_ref: 'feature', base_ref: 'main' });
  });

  it('leaves head_ref and base_ref empty outside pull requests, and omits environment when there is none', () => {
    const claims = claimsFor({ ...defaultJob, environment: undefined });
    expect(claims.head_ref).toBe('');
    expect(claims.base_ref).toBe('');
    expect(claims).not.toHaveProperty('environment');
  });

  it('gives every token its own jti', () => {
    expect(claimsFor(defaultJob).jti).not.toBe(claimsFor(defaultJob).jti);
  });
});
