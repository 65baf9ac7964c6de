import { Exit, runCommand, type ExitCode } from '../cli-output.ts';

/** `sandbox`: the local issuer and cloud emulators, until SIGINT or SIGTERM. A bad --aws-config is a usage error. */
export function sandbox(options: { awsConfig?: string | undefined }): Promise<ExitCode> {
  return runCommand('text', () => Exit.Usage, async () => {
    const { startSandbox } = await import('../../sandbox/index.ts');
    const running = await startSandbox({ awsConfigFile: options.awsConfig });
    process.stdout.write(`${running.describe()}\n\nA job environment pointed at the sandbox:\n`);
    for (const [name, value] of Object.entries(running.runnerEnv())) process.stdout.write(`export ${name}='${value}'\n`);
    process.stdout.write('\nPress Ctrl-C to stop.\n');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await running.close();
    return Exit.Ok;
  });
}
