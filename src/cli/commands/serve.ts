import { Exit, runCommand, type ExitCode } from '../cli-output.ts';
import { untilStopped } from '../until-stopped.ts';

/** `serve --config FILE`: the broker until SIGINT or SIGTERM, which close it cleanly. A bad configuration or policy is a usage error. */
export function serve(options: { config: string }): Promise<ExitCode> {
  return runCommand('text', () => Exit.Usage, async () => {
    const { startBroker } = await import('../../service/start.ts');
    const broker = await startBroker(options.config);
    // Its own log is JSON on stdout; this line is for the person who started it.
    process.stderr.write(`ci-oidc-broker: listening on ${broker.url} (audience ${broker.config.audience}); Ctrl-C stops it.\n`);
    await untilStopped();
    await broker.close();
    return Exit.Ok;
  });
}
