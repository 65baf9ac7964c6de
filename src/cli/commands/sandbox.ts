import { Exit, runCommand, type ExitCode } from '../cli-output.ts';
import { untilStopped } from '../until-stopped.ts';

export interface SandboxCommandOptions {
  awsConfig?: string | undefined;
  broker?: boolean | undefined;
  brokerPolicy?: string | undefined;
}

/** `sandbox`: the local issuer and cloud emulators, and with --broker the broker service, until SIGINT or SIGTERM. A bad --aws-config is a usage error. */
export function sandbox(options: SandboxCommandOptions): Promise<ExitCode> {
  return runCommand('text', () => Exit.Usage, async () => {
    const { startSandbox } = await import('../../sandbox/index.ts');
    const wantsBroker = options.broker === true || options.brokerPolicy !== undefined;
    const running = await startSandbox({ awsConfigFile: options.awsConfig, broker: wantsBroker && { policyFile: options.brokerPolicy } });
    process.stdout.write(`${running.describe()}\n\nA job environment pointed at the sandbox:\n`);
    for (const [name, value] of Object.entries(running.runnerEnv())) process.stdout.write(`export ${name}='${value}'\n`);
    if (running.broker) process.stdout.write(`\nThe broker: the action's broker-url input, or --broker for the CLI:\n  ${running.broker.url}\n`);
    process.stdout.write('\nPress Ctrl-C to stop.\n');
    await untilStopped();
    await running.close();
    return Exit.Ok;
  });
}
