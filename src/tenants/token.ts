import { hash, randomBytes } from 'node:crypto';

/** A fresh bearer token: `sentra_` + 32 random bytes, base64url. Shown once, stored only hashed. */
export function generateToken(): string {
  return `sentra_${randomBytes(32).toString('base64url')}`;
}

/**
 * The stored form of a token. Tokens are 256-bit random strings, so an unsalted SHA-256 is not
 * guessable and lets us look a token up by its hash in one indexed read.
 */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}
