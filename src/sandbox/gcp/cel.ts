import { celEnv, celError, parse, plan, type CelInput, type CelResult } from '@bufbuild/cel';

/**
 * Workload identity pool providers run attribute mappings and conditions in CEL; the sandbox runs them
 * in @bufbuild/cel, a complete implementation whose `matches()` is RE2, as Google's is, so that an
 * exported condition is judged here by the same language it will meet there.
 */
export type CelVariables = Record<string, CelInput>;
export type CelProgram = (variables: CelVariables) => CelResult;

const env = celEnv();

/** Parses and plans once. A syntax error becomes every evaluation's result: Google would not run it either. */
export function compileCel(source: string): CelProgram {
  try {
    return plan(env, parse(source));
  } catch (error) {
    const failure = celError(error);
    return () => failure;
  }
}

/** Google admits a token only when the attribute condition yields `true`: an error refuses it. */
export function conditionAdmits(condition: CelProgram, variables: CelVariables): boolean {
  return condition(variables) === true;
}
