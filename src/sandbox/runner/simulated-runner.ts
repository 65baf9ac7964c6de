import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve as resolvePath } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseFileCommands } from './file-commands.ts';
import { parseWorkflowCommand, type WorkflowCommand } from './workflow-commands.ts';

/** What one step left behind, as a runner would see it. */
export interface StepResult {
  exitCode: number;
  /** Exactly what the step wrote, workflow commands included. */
  stdout: string;
  stderr: string;
  /**
   * The log as a runner shows it: stdout and stderr lines in the order they came, commands on either
   * consumed, groups opened as `▼ title` with their lines indented, registered secrets replaced by `***`.
   */
  log: string[];
  commands: WorkflowCommand[];
  /** Errors, warnings and notices. */
  annotations: WorkflowCommand[];
  outputs: Map<string, string>;
  state: Map<string, string>;
  /** The raw text of the GITHUB_ENV, GITHUB_OUTPUT and GITHUB_STATE files. */
  files: { env: string; output: string; state: string };
  summary: string;
  /** When the step's process started and ended (ms since the epoch), to tell which step made a request. */
  startedAt: number;
  endedAt: number;
}

export interface RunnerOptions {
  /** The job's environment: for the sandbox, `sandbox.runnerEnv()`. */
  env: Record<string, string>;
  /** action.yml whose input defaults the runner applies; defaults to this package's. */
  actionYml?: string;
  stepTimeoutMs?: number;
}

const DEFAULT_STEP_TIMEOUT_MS = 60_000;

/**
 * Runs bundled action entry points the way a GitHub runner does: inputs as INPUT_* variables with
 * action.yml's defaults, fresh GITHUB_ENV/OUTPUT/STATE/STEP_SUMMARY files per step, the job
 * environment carried from step to step, and state handed from a main step to its post step.
 */
export class SimulatedRunner {
  readonly root: string;
  readonly workspace: string;
  readonly tempDir: string;
  /** Variables exported by earlier steps, as later steps receive them. */
  readonly jobEnv = new Map<string, string>();
  readonly steps: StepResult[] = [];
  readonly #options: RunnerOptions;

  /** The job's environment, as every step starts with it. */
  get env(): Readonly<Record<string, string>> {
    return this.#options.env;
  }
  #lastMain: StepResult | undefined;
  // Each main step's INPUT_* variables, which its post step receives too.
  readonly #inputsOf = new WeakMap<StepResult, Record<string, string>>();
  #stepCount = 0;

  private constructor(root: string, options: RunnerOptions) {
    this.root = root;
    this.workspace = join(root, 'workspace');
    this.tempDir = join(root, 'runner-temp');
    this.#options = options;
  }

  static async create(options: RunnerOptions): Promise<SimulatedRunner> {
    const runner = new SimulatedRunner(await mkdtemp(join(tmpdir(), 'ci-oidc-broker-runner-')), options);
    await mkdir(runner.workspace);
    await mkdir(runner.tempDir);
    await mkdir(join(runner.root, 'files'));
    return runner;
  }

  /** Runs a main entry point with the given inputs; its saved state is kept for `runPost`. */
  async runMain(script: string, inputs: Record<string, string> = {}): Promise<StepResult> {
    const inputEnv = await this.#inputEnv(inputs);
    const result = await this.#runStep(nodeScript(script), inputEnv);
    this.#inputsOf.set(result, inputEnv);
    this.#lastMain = result;
    return result;
  }

  /**
   * Runs a post entry point with the inputs and the state of its main step: the last main step's, or
   * the given one's when a job used the action more than once (the runner keeps each step's apart).
   */
  async runPost(script: string, main: StepResult | undefined = this.#lastMain): Promise<StepResult> {
    const stateEnv = Object.fromEntries([...(main?.state ?? [])].map(([name, value]) => [`STATE_${name}`, value]));
    return this.#runStep(nodeScript(script), { ...(main && this.#inputsOf.get(main)), ...stateEnv });
  }

  /**
   * Runs a `run:` step: the command in bash, in the workspace, with the job's environment and the
   * runner's files (so `>> "$GITHUB_ENV"` works as in a workflow).
   */
  runShell(command: string): Promise<StepResult> {
    return this.#runStep({ file: 'bash', args: ['-e', '-c', command] }, {});
  }

  /** Every file under the workspace and RUNNER_TEMP, for checks that nothing secret was left behind. */
  async leftoverFiles(): Promise<Array<{ path: string; content: string }>> {
    const found: Array<{ path: string; content: string }> = [];
    for (const dir of [this.workspace, this.tempDir]) {
      for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const path = join(entry.parentPath, entry.name);
        found.push({ path: relative(this.root, path), content: await readFile(path, 'utf8') });
      }
    }
    return found;
  }

  dispose(): Promise<void> {
    return rm(this.root, { recursive: true, force: true });
  }

  async #inputEnv(inputs: Record<string, string>): Promise<Record<string, string>> {
    const yml = this.#options.actionYml ?? new URL('../../../action.yml', import.meta.url).pathname;
    const declared = (parseYaml(await readFile(yml, 'utf8')) as { inputs?: Record<string, { default?: string }> }).inputs ?? {};
    const env: Record<string, string> = {};
    for (const [name, spec] of Object.entries(declared)) {
      if (spec.default !== undefined) env[inputVariable(name)] = this.#expand(String(spec.default));
    }
    for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value;
    return env;
  }

  /** A default such as `${{ github.token }}`, as the runner expands it: the job's token, or nothing. */
  #expand(value: string): string {
    return value.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, expression: string) => (expression === 'github.token' ? (this.#options.env.GITHUB_TOKEN ?? '') : ''));
  }

  async #runStep(program: { file: string; args: string[] }, stepEnv: Record<string, string>): Promise<StepResult> {
    const stepDir = join(this.root, 'files', `step-${++this.#stepCount}`);
    await mkdir(stepDir);
    const paths = {
      env: join(stepDir, 'env'),
      output: join(stepDir, 'output'),
      state: join(stepDir, 'state'),
      summary: join(stepDir, 'summary.md'),
    };
    await Promise.all(Object.values(paths).map((path) => writeFile(path, '')));
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? this.root,
      ...this.#options.env,
      ...Object.fromEntries(this.jobEnv),
      ...stepEnv,
      GITHUB_WORKSPACE: this.workspace,
      RUNNER_TEMP: this.tempDir,
      GITHUB_ENV: paths.env,
      GITHUB_OUTPUT: paths.output,
      GITHUB_STATE: paths.state,
      GITHUB_STEP_SUMMARY: paths.summary,
    };
    const startedAt = Date.now();
    const { exitCode, stdout, stderr, lines } = await runProcess(program, env, this.workspace, this.#options.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS);
    const files = {
      env: await readFile(paths.env, 'utf8'),
      output: await readFile(paths.output, 'utf8'),
      state: await readFile(paths.state, 'utf8'),
    };
    for (const [name, value] of parseFileCommands(files.env)) this.jobEnv.set(name, value);
    const { log, commands } = renderLog(lines);
    const result: StepResult = {
      exitCode,
      stdout,
      stderr,
      log,
      commands,
      annotations: commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command)),
      outputs: parseFileCommands(files.output),
      state: parseFileCommands(files.state),
      files,
      summary: await readFile(paths.summary, 'utf8'),
      startedAt,
      endedAt: Date.now(),
    };
    this.steps.push(result);
    return result;
  }
}

function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

// Scripts are named from where the caller runs, not from the workspace the step runs in.
function nodeScript(script: string): { file: string; args: string[] } {
  return { file: process.execPath, args: [resolvePath(script)] };
}

/**
 * Reads the step's lines as the runner does: workflow commands on stdout and stderr alike, masks applied
 * to the lines after their registration, groups shown open.
 */
function renderLog(lines: readonly string[]): { log: string[]; commands: WorkflowCommand[] } {
  const masks: string[] = [];
  const log: string[] = [];
  const commands: WorkflowCommand[] = [];
  const show = (text: string): void => void log.push(masks.reduce((shown, secret) => (secret ? shown.split(secret).join('***') : shown), text));
  let indent = '';
  for (const line of lines) {
    const command = parseWorkflowCommand(line);
    if (command?.command === 'add-mask') {
      masks.push(command.message);
      continue;
    }
    if (command) commands.push(command);
    if (command?.command === 'group') {
      show(`▼ ${command.message}`);
      indent = '  ';
    } else if (command?.command === 'endgroup') {
      indent = '';
    } else {
      show(indent + (command ? `${command.command}: ${command.message}` : line));
    }
  }
  return { log, commands };
}

/** Runs the step's process; `lines` holds stdout's and stderr's lines in the order they arrived. */
function runProcess(program: { file: string; args: string[] }, env: Record<string, string>, cwd: string, timeoutMs: number): Promise<{ exitCode: number; stdout: string; stderr: string; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(program.file, program.args, { env, cwd, timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
    const text = { stdout: '', stderr: '' };
    const partial = { stdout: '', stderr: '' };
    const lines: string[] = [];
    const take = (stream: 'stdout' | 'stderr') => (chunk: string) => {
      text[stream] += chunk;
      const complete = (partial[stream] + chunk).split(/\r?\n/);
      partial[stream] = complete.pop() ?? '';
      lines.push(...complete);
    };
    child.stdout.setEncoding('utf8').on('data', take('stdout'));
    child.stderr.setEncoding('utf8').on('data', take('stderr'));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      for (const rest of [partial.stdout, partial.stderr]) if (rest) lines.push(rest);
      resolve({ exitCode: code ?? (signal ? 128 : 1), ...text, lines });
    });
  });
}
