// The configuration's choice of state: a SQLite file (the default), or PostgreSQL, and Redis for rate limits.
import { describe, expect, it } from '@jest/globals';
import { parseBrokerConfig, sqliteFile } from '../../../../src/service/config.ts';

const BASE = 'audience: https://b.example\nissuers: [https://token.actions.githubusercontent.com]\npolicy: {file: p.yml}\nbehind-proxy: true\n';
const parse = (extra: string) => parseBrokerConfig(BASE + extra, '/etc/broker/broker.yml');

describe('the store and rate-limit configuration', () => {
  it('keeps SQLite and in-memory limits by default', () => {
    const config = parse('store: {sqlite: b.db}\n');
    expect(config).toMatchObject({ store: { kind: 'sqlite', path: '/etc/broker/b.db', durability: 'full' }, rateLimits: { redis: undefined } });
    expect(sqliteFile(config)).toBe('/etc/broker/b.db');
    expect(parse('store: {sqlite: b.db, durability: process}\n').store).toEqual({ kind: 'sqlite', path: '/etc/broker/b.db', durability: 'process' });
  });

  it('takes a PostgreSQL URL instead of the file, and a Redis URL for shared limits', () => {
    const config = parse('store: {postgres: "postgresql://broker@db:5432/broker"}\nrate-limits: {redis: "rediss://cache:6380", owner: {requests: 5}}\n');
    // One shape or the other: nothing of SQLite's is carried, empty, beside the URL.
    expect(config.store).toEqual({ kind: 'postgres', url: 'postgresql://broker@db:5432/broker' });
    expect(() => sqliteFile(config)).toThrow(/names a PostgreSQL store/);
    expect(config.rateLimits).toMatchObject({ redis: 'rediss://cache:6380', owner: { requests: 5, perSeconds: 60 }, repository: { requests: 60 } });
  });

  it('refuses both stores at once, a durability PostgreSQL would ignore, and URLs of the wrong kind, each at its line', () => {
    expect(() => parse('store: {sqlite: b.db, postgres: "postgres://db/broker"}\n')).toThrow(/store: give sqlite or postgres, not both/);
    expect(() => parse('store: {postgres: "postgres://db/broker", durability: process}\n')).toThrow(/:5:55: store\.durability: applies to sqlite only/);
    expect(() => parse('store: {}\n')).toThrow(/:5:8: store: give sqlite: FILE \(one instance\) or postgres: URL/);
    expect(() => parse('store: {sqlite: b.db, durability: fast}\n')).toThrow(/store\.durability: must be full \(every commit synced to disk\) or process/);
    expect(() => parse('store: {postgres: "http://db/broker"}\n')).toThrow(/store\.postgres: must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(() => parse('store: {sqlite: b.db}\nrate-limits: {redis: "cache:6379"}\n')).toThrow(/rate-limits\.redis: must be a redis:\/\/ or rediss:\/\/ URL/);
  });
});
