// The configuration's choice of state: a SQLite file (the default), or PostgreSQL, and Redis for rate limits.
import { describe, expect, it } from '@jest/globals';
import { parseBrokerConfig } from '../../../../src/service/config.ts';

const BASE = 'audience: https://b.example\nissuers: [https://token.actions.githubusercontent.com]\npolicy: {file: p.yml}\nbehind-proxy: true\n';
const parse = (extra: string) => parseBrokerConfig(BASE + extra, '/etc/broker/broker.yml');

describe('the store and rate-limit configuration', () => {
  it('keeps SQLite and in-memory limits by default', () => {
    expect(parse('store: {sqlite: b.db}\n')).toMatchObject({ store: { sqlite: '/etc/broker/b.db', durability: 'full', postgres: undefined }, rateLimits: { redis: undefined } });
  });

  it('takes a PostgreSQL URL instead of the file, and a Redis URL for shared limits', () => {
    const config = parse('store: {postgres: "postgresql://broker@db:5432/broker"}\nrate-limits: {redis: "rediss://cache:6380", owner: {requests: 5}}\n');
    expect(config.store).toEqual({ sqlite: '', durability: 'full', postgres: 'postgresql://broker@db:5432/broker' });
    expect(config.rateLimits).toMatchObject({ redis: 'rediss://cache:6380', owner: { requests: 5, perSeconds: 60 }, repository: { requests: 60 } });
  });

  it('refuses both stores at once, a durability PostgreSQL would ignore, and URLs of the wrong kind, each at its line', () => {
    expect(() => parse('store: {sqlite: b.db, postgres: "postgres://db/broker"}\n')).toThrow(/store: give sqlite or postgres, not both/);
    expect(() => parse('store: {postgres: "postgres://db/broker", durability: process}\n')).toThrow(/:5:55: store\.durability: applies to sqlite only/);
    expect(() => parse('store: {postgres: "http://db/broker"}\n')).toThrow(/store\.postgres: must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(() => parse('store: {sqlite: b.db}\nrate-limits: {redis: "cache:6379"}\n')).toThrow(/rate-limits\.redis: must be a redis:\/\/ or rediss:\/\/ URL/);
  });
});
