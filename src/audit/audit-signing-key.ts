import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SentraError } from '../errors/errors.js';

/** Checks signatures made by one installation's key. */
export interface AuditVerifier {
  /** First 16 hex characters of the SHA-256 of the public key (SPKI DER). */
  readonly keyId: string;
  verify(text: string, signature: string): boolean;
}

/** The installation's Ed25519 key for audit checkpoints and exports; it verifies its own signatures too. */
export interface AuditSigner extends AuditVerifier {
  /** The public key as SPKI PEM: what an auditor needs to check an export offline. */
  readonly publicKeyPem: string;
  /** Base64url signature over the bytes of `text`. */
  sign(text: string): string;
}

function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

/** A verifier from an SPKI (public) or PKCS#8 (private) PEM. */
export function auditVerifierFromPem(pem: string): AuditVerifier {
  let publicKey: KeyObject;
  try {
    publicKey = pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
  } catch (error) {
    throw new SentraError('SENTRA_ERR_VALIDATION', `Not an audit key (PEM): ${(error as Error).message}`, { details: [{ code: 'format', path: 'public_key', message: 'expected an Ed25519 PEM key' }] });
  }
  return { keyId: keyIdOf(publicKey), verify: (text, signature) => verify(null, Buffer.from(text), publicKey, Buffer.from(signature, 'base64url')) };
}

/**
 * Loads the signing key from `file`, creating it (mode 0600, written atomically) when there is none
 * yet. Every process of an installation must share this file; a fleet provisions it as a secret.
 */
export function loadAuditSigner(file: string): AuditSigner {
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    chmodSync(temporary, 0o600);
    // Another process may have created it meanwhile; the first one written wins and both read it back.
    if (existsSync(file)) unlinkSync(temporary);
    else renameSync(temporary, file);
  }
  const privateKey = createPrivateKey(readFileSync(file));
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (text) => sign(null, Buffer.from(text), privateKey).toString('base64url'),
    verify: (text, signature) => verify(null, Buffer.from(text), publicKey, Buffer.from(signature, 'base64url')),
  };
}
