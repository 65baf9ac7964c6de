import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { parseBrokerConfig } from '../../../src/service/config.ts';
import { thrown } from '../../helpers/broker-error.ts';

const VALID = `audience: https://broker.example.com
issuers: [https://token.actions.githubusercontent.com]
listen: {host: 0.0.0.0, port: 8443}
policy: {file: policies/ci.yml}
aws: {region: eu-west-1, default-duration: 15m}
store: {sqlite: state/broker.db}
rate-limits:
  repository: {requests: 10, per: 1m}
tls: {cert: tls/cert.pem, key: tls/key.pem}
`;

describe('parseBrokerConfig', () => {
  it('reads a configuration, with paths from the file’s folder and defaults for what is left out', () => {
    const config = parseBrokerConfig(VALID, '/etc/broker/broker.yml');
    expect(config).toMatchObject({
      audience: 'https://broker.example.com',
      listen: { host: '0.0.0.0', port: 8443 },
      policy: { file: '/etc/broker/policies/ci.yml', root: undefined },
      aws: { region: 'eu-west-1', endpoint: undefined, defaultDurationSeconds: 900 },
      gcp: undefined,
      store: { kind: 'sqlite', path: '/etc/broker/state/broker.db', durability: 'full' },
      rateLimits: { repository: { requests: 10, perSeconds: 60 }, owner: { requests: 600, perSeconds: 60 } },
      tls: { cert: '/etc/broker/tls/cert.pem', key: '/etc/broker/tls/key.pem' },
      behindProxy: false,
    });
  });

  it('reads JSON too', () => {
    const json = JSON.stringify({ audience: 'https://b.example', issuers: ['https://gitlab.com'], policy: { file: 'p.yml' }, store: { sqlite: 'b.db' }, 'behind-proxy': true });
    expect(parseBrokerConfig(json, '/srv/b.json')).toMatchObject({ issuers: ['https://gitlab.com'], behindProxy: true, tls: undefined });
  });

  it('reports every problem at its file:line:column', () => {
    const error = thrown(() =>
      parseBrokerConfig(
        `audience: not a url
issuers: []
policy: {file: p.yml, github: {repository: org/policies}}
store: {sqlite: b.db}
rate-limits: {repository: {requests: 0}}
colour: blue
`,
        'b.yml',
      ),
    );
    expect(error.code).toBe(ErrorCode.InputInvalid);
    expect(error.problems.map((p) => `${p.location.line}:${p.location.column} ${p.message}`)).toEqual([
      '1:1 (top level): give tls (cert and key), or state `behind-proxy: true` when a terminating proxy holds the certificate',
      '1:11 audience: must be an http(s) URL',
      '2:10 issuers: list at least one issuer whose tokens the broker accepts',
      '3:31 policy.github: a policy polled from a central repository is not supported yet; give policy.file',
      '5:38 rate-limits.repository.requests: must be a whole number of requests, at least 1',
      '6:9 colour: unknown key; expected one of audience, issuers, listen, policy, aws, gcp, store, rate-limits, tls, behind-proxy, log-level',
    ]);
    expect(error.message).toContain('b.yml:1:11: audience: must be an http(s) URL');
  });

  it('reports YAML syntax errors with their place', () => {
    const error = thrown(() => parseBrokerConfig('audience: [unclosed\n', 'b.yml'));
    expect(error.problems[0]).toMatchObject({ code: 'yaml-syntax', location: { file: 'b.yml', line: 2 } });
  });

  it('refuses TLS and behind-proxy together', () => {
    const error = thrown(() => parseBrokerConfig(`${VALID}behind-proxy: true\n`, 'b.yml'));
    expect(error.problems.map((p) => p.message)).toEqual(['behind-proxy: give tls or behind-proxy, not both']);
  });
});
