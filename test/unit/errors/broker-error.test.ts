import { describe, expect, it } from '@jest/globals';
import { BrokerError, ErrorCode, isBrokerError } from '../../../src/errors/broker-error.ts';

describe('BrokerError', () => {
  it('carries a stable code, the message, a hint and a location', () => {
    const location = { file: '.github/ci-oidc-broker.yml', line: 3, column: 5 };
    const error = new BrokerError(ErrorCode.PolicyInvalid, 'The policy is invalid.', { hint: 'Fix it.', location });
    expect(error.code).toBe('POLICY_INVALID');
    expect(error.name).toBe('BrokerError');
    expect(error.location).toEqual(location);
    expect(error.describe()).toBe('POLICY_INVALID: The policy is invalid.\nHint: Fix it.');
  });

  it('keeps the cause for debugging but never shows it', () => {
    const cause = new Error('secret-bearing detail');
    const error = new BrokerError(ErrorCode.Internal, 'Unexpected.', { hint: 'Report it.', cause });
    expect(error.cause).toBe(cause);
    expect(error.describe()).not.toContain('secret-bearing detail');
  });

  it('has distinct codes, so scripts can tell failures apart', () => {
    const codes = Object.values(ErrorCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((code) => /^[A-Z][A-Z0-9_]+$/.test(code))).toBe(true);
  });

  it('is recognised by isBrokerError, optionally by code', () => {
    const error = new BrokerError(ErrorCode.TokenExpired, 'Expired.', { hint: 'Retry.' });
    expect(isBrokerError(error)).toBe(true);
    expect(isBrokerError(error, ErrorCode.TokenExpired)).toBe(true);
    expect(isBrokerError(error, ErrorCode.TokenMalformed)).toBe(false);
    expect(isBrokerError(new Error('plain'))).toBe(false);
  });

  it('keeps the codes that scripts and tests already depend on', () => {
    expect(ErrorCode).toMatchObject({
      PermissionMissing: 'OIDC_PERMISSION_MISSING',
      TokenExpired: 'TOKEN_EXPIRED',
      PolicyDenied: 'POLICY_DENIED',
      InputInvalid: 'INPUT_INVALID',
      AwsAccessDenied: 'AWS_ACCESS_DENIED',
      AwsInvalidIdentityToken: 'AWS_INVALID_IDENTITY_TOKEN',
      AwsExpiredToken: 'AWS_EXPIRED_TOKEN',
      AwsValidation: 'AWS_VALIDATION_ERROR',
      AwsExchangeFailed: 'AWS_EXCHANGE_FAILED',
      AwsExchangeTimedOut: 'AWS_EXCHANGE_TIMED_OUT',
      Internal: 'INTERNAL_ERROR',
    });
  });

  it('is an Error with no cause or location unless given one', () => {
    const error = new BrokerError(ErrorCode.AwsExchangeFailed, 'Assuming the role failed.', { hint: 'Retry later.' });
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('Assuming the role failed.');
    expect(error.hint).toBe('Retry later.');
    expect('cause' in error).toBe(false);
    expect(error.location).toBeUndefined();
  });

  it('describes itself as code, message and hint on two lines, keeping their own line breaks', () => {
    const error = new BrokerError(ErrorCode.PolicyDenied, 'Rule "no-forks" denied the token.\nSubject: repo:octo-org/app:pull_request', { hint: 'Run from a branch of the repository.' });
    expect(error.describe()).toBe('POLICY_DENIED: Rule "no-forks" denied the token.\nSubject: repo:octo-org/app:pull_request\nHint: Run from a branch of the repository.');
    // The stack trace and name stay out of what people see.
    expect(error.describe()).not.toContain('BrokerError');
  });

  it('is not confused by values that only look like a BrokerError', () => {
    const lookalike = Object.assign(new Error('Expired.'), { name: 'BrokerError', code: ErrorCode.TokenExpired, hint: 'Retry.' });
    expect(isBrokerError(lookalike)).toBe(false);
    expect(isBrokerError({ code: ErrorCode.TokenExpired })).toBe(false);
    expect(isBrokerError(null)).toBe(false);
    expect(isBrokerError(undefined, ErrorCode.TokenExpired)).toBe(false);
  });
});
