// The table of the anchors' inputs and outputs, held to this action's action.yml as it is now (so a
// rename elsewhere that the table misses fails here), and the refusal of inputs this action lacks.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from '@jest/globals';
import { parse as parseYaml } from 'yaml';
import { ANCHOR_NAMES, refuseAnchorOnlyInputs, type Anchor } from '../../../src/action/anchor-inputs.ts';
import { readMainInputs } from '../../../src/action/inputs.ts';
import { BrokerError, ErrorCode } from '../../../src/errors/broker-error.ts';
import { proxyFor, setProxyOverride } from '../../../src/util/proxy.ts';
import { actionContext, type ActionContext } from '../../helpers/action-context.ts';

const actionYml = parseYaml(await readFile('action.yml', 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
const OUR_INPUTS = new Set(Object.keys(actionYml.inputs));
const OUR_OUTPUTS = new Set(Object.keys(actionYml.outputs));
const ANCHORS: Anchor[] = ['aws-actions/configure-aws-credentials', 'google-github-actions/auth'];

function refusal(run: () => unknown): BrokerError {
  try {
    run();
  } catch (error) {
    if (error instanceof BrokerError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the anchors table', () => {
  it('lists each name of each anchor once', () => {
    const keys = ANCHOR_NAMES.map((entry) => `${entry.anchor} ${entry.kind} ${entry.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const anchor of ANCHORS) expect(ANCHOR_NAMES.filter((entry) => entry.anchor === anchor && entry.kind === 'input').length).toBeGreaterThan(10);
  });

  it('claims only inputs and outputs that action.yml declares, and refuses none that it declares', () => {
    const wrong = ANCHOR_NAMES.flatMap(({ anchor, kind, name, fate }) => {
      const declared = (kind === 'input' ? OUR_INPUTS : OUR_OUTPUTS).has(name);
      if (fate.here === 'same') return declared ? [] : [`${anchor} ${kind} ${name}: kept here, but action.yml lacks it`];
      const missing = (fate.uses ?? []).filter((used) => !OUR_INPUTS.has(used)).map((used) => `${anchor} ${kind} ${name}: points at ${used}, which action.yml lacks`);
      return declared ? [`${anchor} ${kind} ${name}: refused, but action.yml declares it`, ...missing] : missing;
    });
    expect(wrong).toEqual([]);
  });

  it('gives every name without a counterpart a way to the same result', () => {
    for (const { fate } of ANCHOR_NAMES) if (fate.here === 'none') expect(fate.instead).toMatch(/\.$/);
  });
});

describe('refuseAnchorOnlyInputs', () => {
  it('refuses an anchor input this action does not have, naming it and the way round', () => {
    const error = refusal(() => refuseAnchorOnlyInputs({ 'INPUT_ROLE-CHAINING': 'true' }));
    expect(error.code).toBe(ErrorCode.InputInvalid);
    expect(error.message).toContain('`role-chaining`');
    expect(error.message).toContain('aws-actions/configure-aws-credentials');
    expect(error.hint).toContain('`chain-to-role`');
    expect(refusal(() => refuseAnchorOnlyInputs({ INPUT_CREDENTIALS_JSON: '{"type":"service_account"}' })).message).toContain('`credentials_json`');
    expect(refusal(() => refuseAnchorOnlyInputs({ INPUT_UNIVERSE: 'example.goog' })).hint).toContain('gcp-token-url');
  });

  it('passes values that ask for what happens here anyway, and inputs left empty', () => {
    expect(() => refuseAnchorOnlyInputs({ 'INPUT_ROLE-CHAINING': 'False', INPUT_CLEANUP_CREDENTIALS: 'true', INPUT_UNIVERSE: 'googleapis.com', 'INPUT_AWS-ACCESS-KEY-ID': '  ' })).not.toThrow();
  });

  it('never quotes the value, which may be a key', () => {
    const error = refusal(() => refuseAnchorOnlyInputs({ 'INPUT_AWS-SECRET-ACCESS-KEY': 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }));
    expect(error.describe()).not.toContain('wJalrXUtnFEMI');
  });
});

describe('readMainInputs', () => {
  let context: ActionContext;
  afterEach(async () => {
    setProxyOverride(undefined, 'the input `http-proxy`');
    await context.restore();
  });

  it('refuses an anchor-only input before anything else is read', async () => {
    // No cloud is asked for either: the refusal comes first, so the step names the input the user wrote.
    context = await actionContext({ 'role-chaining': 'true' });
    expect(refusal(() => readMainInputs()).message).toContain('`role-chaining`');
  });

  it('sends every call through the http-proxy input, its password masked first', async () => {
    context = await actionContext({ 'http-proxy': 'http://ci:pr%40xy@proxy.corp.example:3128', 'aws-region': 'us-east-1' });
    readMainInputs();
    expect(proxyFor('https://sts.us-east-1.amazonaws.com/', {})?.host).toBe('proxy.corp.example:3128');
    expect(context.stdout()).toContain('::add-mask::pr@xy');
  });

  it('refuses an http-proxy that is not an http(s) URL', async () => {
    context = await actionContext({ 'http-proxy': 'socks5://proxy:1080', 'aws-region': 'us-east-1' });
    expect(refusal(() => readMainInputs()).message).toContain('input `http-proxy`');
  });
});
