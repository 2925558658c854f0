import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FeedKeyConfig } from '../platform/config.js';
import { SentraError } from '../errors/errors.js';

const version = 'v1';

/**
 * Seals and opens small secrets with AES-256-GCM under the installation's feed key: a fresh
 * 96-bit nonce per seal, the tag checked on open, so a row altered in the database fails to open
 * instead of yielding another secret.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new SentraError('SENTRA_ERR_CONFIG', 'The feed key must be 32 bytes.');
  }

  /** `v1.<nonce>.<tag>.<ciphertext>`, each part base64url. */
  seal(plain: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [version, nonce.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.');
  }

  /** The plain text of a sealed value; throws when the key differs or the value was altered. */
  open(sealed: string): string {
    const [tag, nonce, authTag, body] = sealed.split('.');
    if (tag !== version || nonce === undefined || authTag === undefined || body === undefined) throw new SentraError('SENTRA_ERR_INTERNAL', 'A sealed feed secret has an unknown format.');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(nonce, 'base64url'));
    decipher.setAuthTag(Buffer.from(authTag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}

/** Reads the key file, creating it (32 random bytes as hex, mode 0600, written atomically) when absent. */
function keyFromFile(file: string): Buffer {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
    chmodSync(temporary, 0o600);
    if (existsSync(file)) unlinkSync(temporary);
    else renameSync(temporary, file);
  }
  const text = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-fA-F]{64}$/.test(text)) throw new SentraError('SENTRA_ERR_CONFIG', `${file} must hold 64 hex characters (the feed key).`);
  return Buffer.from(text, 'hex');
}

/**
 * The installation's secret box: `SENTRA_FEED_KEY` when set, else the embedded key file; undefined
 * in scaled mode without the variable (feeds then cannot be configured, and say so).
 */
export function openFeedSecretBox(config: FeedKeyConfig): SecretBox | undefined {
  if (config.value !== undefined) return new SecretBox(config.value);
  return config.file === undefined ? undefined : new SecretBox(keyFromFile(config.file));
}
