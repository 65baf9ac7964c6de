import { reportFailure } from './report-failure.ts';
import { runPost } from './run-post.ts';

await runPost().catch(reportFailure);
