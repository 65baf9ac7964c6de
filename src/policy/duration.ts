/**
 * Parses a duration written as seconds (900, or the string "900", as action inputs and flags arrive)
 * or as hours, minutes and seconds ("1h30m", "15m", "900s").
 */
export function parseDuration(value: number | string): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value);
  if (!match || value === '') return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

/** What the clouds accept, and the broker's short defaults. STS: a role session of 15 minutes to 12 hours. */
export const STS_SESSION_SECONDS = { min: 900, max: 43_200, default: 900 } as const;
/** IAM Credentials: a service-account token of up to 1 hour; short by default, because it cannot be revoked. */
export const GCP_TOKEN_SECONDS = { min: 1, max: 3600, default: 600 } as const;
