import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import schema from '../../../schema/policy.schema.json' with { type: 'json' };

// The action validates with code generated from this schema and does not check the schema itself at
// run time, so the check is here; editors read the same file.
describe('schema/policy.schema.json', () => {
  it('is a valid draft-07 JSON Schema that Ajv compiles in strict mode', () => {
    const ajv = new Ajv({ strict: true });
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });
});
