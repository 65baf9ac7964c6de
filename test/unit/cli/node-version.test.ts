import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { nodeVersionProblem, REQUIRED_NODE_MAJOR } from '../../../src/cli/node-version.ts';

describe('nodeVersionProblem', () => {
  it('says plainly which Node.js is needed, and which one is running', () => {
    const problem = nodeVersionProblem('v20.20.2');
    expect(problem).toContain('ci-oidc-broker needs Node.js 24 or later; this is Node.js 20.20.2.');
    expect(problem).toContain('install Node.js 24');
  });

  it.each(['v24.0.0', 'v24.21.0', 'v25.1.0'])('accepts %s', (version) => {
    expect(nodeVersionProblem(version)).toBeUndefined();
  });

  it('asks for what package.json’s engines ask for, and action.yml runs', async () => {
    const packageJson = JSON.parse(await readFile('package.json', 'utf8')) as { engines: { node: string } };
    expect(packageJson.engines.node).toBe(`>=${REQUIRED_NODE_MAJOR}`);
    expect(await readFile('action.yml', 'utf8')).toContain(`using: node${REQUIRED_NODE_MAJOR}`);
  });
});
