import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import draft07 from 'ajv/dist/refs/json-schema-draft-07.json' with { type: 'json' };
import schema from '../../../schema/policy.schema.json' with { type: 'json' };
import generatedValidator from '../../../src/policy/schema-validator.generated.ts';
import { GENERATED_VALIDATOR, policyValidatorSource } from '../../../scripts/generate-policy-validator.ts';

// The action validates with code generated from this schema and does not check the schema itself at
// run time, so the check is here; editors read the same file.
describe('schema/policy.schema.json', () => {
  it('is a valid draft-07 JSON Schema that Ajv compiles in strict mode', () => {
    const ajv = new Ajv({ strict: true });
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('declares draft-07 and validates as data against the draft-07 meta-schema itself', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    // A fresh Ajv without its built-in meta-schemas, so the check is against the published document alone;
    // formats (uri, regex) are not checked: Ajv's core has none, and strict compilation above checks the patterns.
    const ajv = new Ajv({ meta: false, validateSchema: false, validateFormats: false, strict: false });
    const validateAgainstDraft07 = ajv.compile(draft07);
    expect(validateAgainstDraft07(schema)).toBe(true);
    expect(validateAgainstDraft07({ ...schema, required: 'version' })).toBe(false);
  });

  it('is what the shipped validator was generated from', () => {
    expect(readFileSync(GENERATED_VALIDATOR, 'utf8')).toBe(policyValidatorSource());
  });

  it('accepts and refuses the same documents as the shipped validator', () => {
    const compiled = new Ajv({ allErrors: true, strict: true }).compile(schema);
    const shipped = generatedValidator as unknown as (data: unknown) => boolean;
    const rule = { name: 'deploy', match: { ref: 'refs/heads/main' }, grant: { aws: { roles: ['arn:aws:iam::111122223333:role/deploy'] } } };
    const documents: Array<[unknown, boolean]> = [
      [{ version: 1, rules: [rule] }, true],
      [{ version: 1, rules: [{ ...rule, grant: { aws: { ...rule.grant.aws, 'max-duration': '1h30m' } } }] }, true],
      [{ version: 1, rules: [{ ...rule, match: { repository_id: 8429 } }] }, false],
      [{ version: 1, rules: [{ ...rule, mach: rule.match }] }, false],
      [{ version: 1, rules: [{ ...rule, grant: { aws: { roles: ['arn:aws:iam::1:role/x'] } } }] }, false],
      [{ version: 1, rules: [{ ...rule, grant: { aws: { ...rule.grant.aws, 'max-duration': '15x' } } }] }, false],
      [{ version: 1, 'custom-claims': ['repo_property_team', 'agent_tag:queue'], rules: [rule] }, true],
      [{ version: 1, 'custom-claims': [], rules: [rule] }, false],
      [{ version: 1, 'custom-claims': ['ok', 7], rules: [rule] }, false],
      [{ version: 1, 'custom-claims': 'repo_property_team', rules: [rule] }, false],
      [{ version: 2, rules: [] }, false],
      [{ rules: [] }, false],
    ];
    for (const [document, valid] of documents) {
      expect([document, compiled(document)]).toEqual([document, valid]);
      expect([document, shipped(document)]).toEqual([document, valid]);
    }
  });
});
