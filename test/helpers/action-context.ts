import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { parseFileCommands } from '../../src/sandbox/runner/file-commands.ts';

/**
 * What a runner gives one step, for unit tests of src/action: the file-command files, inputs as INPUT_*
 * variables, and the step's stdout captured. `restore()` puts process.env and stdout back.
 */
export interface ActionContext {
  dir: string;
  stdout: () => string;
  env: () => Promise<Map<string, string>>;
  outputs: () => Promise<Map<string, string>>;
  state: () => Promise<Map<string, string>>;
  summary: () => Promise<string>;
  restore: () => Promise<void>;
}

export async function actionContext(inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<ActionContext> {
  const saved = { ...process.env };
  const dir = await mkdtemp(join(tmpdir(), 'action-unit-'));
  const files = { GITHUB_ENV: 'env', GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_STEP_SUMMARY: 'summary' };
  for (const [variable, name] of Object.entries(files)) {
    await writeFile(join(dir, name), '');
    process.env[variable] = join(dir, name);
  }
  for (const name of Object.keys(process.env)) if (name.startsWith('INPUT_') || name.startsWith('STATE_')) delete process.env[name];
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  Object.assign(process.env, env);
  let printed = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed += String(chunk);
    return true;
  });
  const read = (name: string) => readFile(join(dir, name), 'utf8');
  return {
    dir,
    stdout: () => printed,
    env: async () => parseFileCommands(await read('env')),
    outputs: async () => parseFileCommands(await read('output')),
    state: async () => parseFileCommands(await read('state')),
    summary: () => read('summary'),
    restore: async () => {
      write.mockRestore();
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
