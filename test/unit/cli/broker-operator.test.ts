import { describe, expect, it } from '@jest/globals';
import { parseSelector } from '../../../src/cli/commands/broker-operator.ts';
import { thrown } from '../../helpers/broker-error.ts';

describe('parseSelector', () => {
  it('takes repeated --selector flags and comma-joined pairs alike', () => {
    expect(parseSelector(['repository-id=8429', 'issuer=https://token.actions.githubusercontent.com,issued-before=2026-11-23T10:00:00Z'])).toEqual({
      repositoryId: '8429',
      issuer: 'https://token.actions.githubusercontent.com',
      issuedBefore: '2026-11-23T10:00:00Z',
    });
    expect(parseSelector(['owner-id=1342004', 'rule=deploy=main'])).toEqual({ ownerId: '1342004', rule: 'deploy=main' });
  });

  it.each([
    [['repository-id='], '--selector "repository-id=" is not KEY=VALUE with a known key.'],
    [['repo=8429'], '--selector "repo=8429" is not KEY=VALUE with a known key.'],
    [['rule=deploy,issued-before=yesterday'], '--selector issued-before is "yesterday", not an ISO 8601 time.'],
    [['issuer=https://gitlab.com'], '--selector must name a repository-id, an owner-id or a rule.'],
  ])('refuses %j', (entries, message) => {
    expect(thrown(() => parseSelector(entries)).message).toBe(message);
  });
});
