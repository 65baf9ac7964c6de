import { createHash } from 'node:crypto';

/** The SHA-256 of a text, in lowercase hex: how a renewal pins the state the main step wrote. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
