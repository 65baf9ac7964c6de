import { describe, expect, it } from '@jest/globals';
import { BrokerError, ErrorCode } from '../../../src/errors/broker-error.ts';
import { isLoopbackHost, parseIssuerUrl } from '../../../src/oidc/issuer-url.ts';
import { thrown } from '../../helpers/broker-error.ts';

function refusal(value: string): BrokerError {
  return thrown(() => parseIssuerUrl(value));
}

describe('parseIssuerUrl', () => {
  it.each(['https://token.actions.githubusercontent.com', 'https://token.actions.githubusercontent.com/octo-enterprise', 'https://ghe.example.com/_services/token', 'http://127.0.0.1:8080', 'http://localhost:3000', 'http://[::1]:9000'])(
    'accepts %s',
    (value) => {
      expect(parseIssuerUrl(value).href.startsWith(value.replace(/\/$/, ''))).toBe(true);
    },
  );

  it.each(['http://token.actions.githubusercontent.com', 'http://10.0.0.1', 'http://127.example.com', 'ftp://127.0.0.1'])('refuses %s, which is not https off loopback', (value) => {
    const error = refusal(value);
    expect(error.code).toBe(ErrorCode.IssuerInvalid);
    expect(error.message).toBe(`The issuer "${value}" does not use https.`);
  });

  it('refuses text that is not a URL', () => {
    expect(refusal('token.actions.githubusercontent.com').message).toBe('The issuer "token.actions.githubusercontent.com" is not a URL.');
  });

  it.each(['https://user:pass@issuer.example.com', 'https://issuer.example.com/?x=1', 'https://issuer.example.com/#k'])('refuses %s, which carries more than an issuer', (value) => {
    expect(refusal(value).message).toBe(`The issuer "${value}" carries credentials, a query or a fragment.`);
  });
});

describe('isLoopbackHost', () => {
  it('knows the loopback names and addresses, and nothing that merely looks like them', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['127.0.0.1.nip.io', 'localhost.example.com', '0.0.0.0', '128.0.0.1'].some(isLoopbackHost)).toBe(false);
  });
});
