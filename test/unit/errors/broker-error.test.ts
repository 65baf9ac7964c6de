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
});
