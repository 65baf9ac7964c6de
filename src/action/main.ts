import { reportFailure } from './report-failure.ts';
import { runMain } from './run-main.ts';

await runMain().catch(reportFailure);
