// Connection URLs that hold passwords may come from the environment (a Kubernetes Secret) rather than
// the configuration file, which then stays fit for a ConfigMap; no error repeats such a URL.
import { afterEach, describe, expect, it } from '@jest/globals';
import { parseBrokerConfig } from '../../../src/service/config.ts';

const BASE = 'audience: https://b.example\nissuers: [https://token.actions.githubusercontent.com]\npolicy: {file: p.yml}\nbehind-proxy: true\n';
const parse = (extra: string) => parseBrokerConfig(BASE + extra, '/etc/broker/broker.yml');
const PASSWORD = 'hunter2-not-in-any-message';

afterEach(() => {
  delete process.env.TEST_BROKER_DATABASE_URL;
  delete process.env.TEST_BROKER_REDIS_URL;
});

describe('connection URLs from the environment', () => {
  it('reads store.postgres and rate-limits.redis from the variables they name', () => {
    process.env.TEST_BROKER_DATABASE_URL = `postgresql://broker:${PASSWORD}@db:5432/broker`;
    process.env.TEST_BROKER_REDIS_URL = `rediss://:${PASSWORD}@cache:6380`;
    const config = parse('store: {postgres: {env: TEST_BROKER_DATABASE_URL}}\nrate-limits: {redis: {env: TEST_BROKER_REDIS_URL}}\n');
    expect(config.store).toEqual({ kind: 'postgres', url: process.env.TEST_BROKER_DATABASE_URL });
    expect(config.rateLimits.redis).toBe(process.env.TEST_BROKER_REDIS_URL);
  });

  it('refuses a variable that is unset or holds the wrong kind of URL, naming the variable and never its value', () => {
    expect(() => parse('store: {postgres: {env: TEST_BROKER_DATABASE_URL}}\n')).toThrow(/store\.postgres: names the environment variable TEST_BROKER_DATABASE_URL, which must hold a postgres:\/\/ or postgresql:\/\/ URL/);
    process.env.TEST_BROKER_REDIS_URL = `http://:${PASSWORD}@cache:6380`;
    let message = '';
    try {
      parse('store: {sqlite: b.db}\nrate-limits: {redis: {env: TEST_BROKER_REDIS_URL}}\n');
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/rate-limits\.redis: names the environment variable TEST_BROKER_REDIS_URL, which must hold a redis:\/\/ or rediss:\/\/ URL/);
    expect(message).not.toContain(PASSWORD);
  });

  it('takes only {env: NAME}: another key, or a name that is not text, is refused', () => {
    for (const value of ['{env: TEST_BROKER_DATABASE_URL, default: "postgres://x/y"}', '{env: 42}', '{file: /run/secrets/db}']) {
      expect(() => parse(`store: {postgres: ${value}}\n`)).toThrow(/store\.postgres: must be a postgres:\/\/ or postgresql:\/\/ URL, or \{env: NAME\}/);
    }
  });
});
