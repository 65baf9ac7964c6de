// A later step of a job, as a user's Google tool runs it: Application Default Credentials found through
// the variables the action exported, asked for an access token round after round while work goes on.
// Prints, per round, whether Google accepts the token and for whom, and the token's fingerprint only.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { GoogleAuth } from 'google-auth-library';

const [rounds = '1', intervalMs = '0', tokenInfoUrl = ''] = process.argv.slice(2);
// One client for the whole step, as a long-running tool holds one: it refreshes by itself.
const auth = new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/cloud-platform'] });
for (let round = 0; round < Number(rounds); round++) {
  if (round > 0) await sleep(Number(intervalMs));
  try {
    const token = (await auth.getAccessToken()) ?? '';
    const response = await fetch(`${tokenInfoUrl}?access_token=${encodeURIComponent(token)}`);
    const { email } = (await response.json()) as { email?: string };
    console.log(JSON.stringify({ round, at: Date.now(), status: response.status, email, fingerprint: createHash('sha256').update(token).digest('hex').slice(0, 16) }));
  } catch (error) {
    console.log(JSON.stringify({ round, at: Date.now(), error: (error as Error).message }));
  }
}
