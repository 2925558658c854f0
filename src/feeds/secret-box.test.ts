import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box.js';
import { fromMinorUnits, minorUnitExponent } from './currency-exponent.js';
import { loadConfig } from '../platform/config.js';

describe('SecretBox', () => {
  it('opens what it sealed, never the same ciphertext twice, and refuses another key or an altered value', () => {
    const box = new SecretBox(randomBytes(32));
    const sealed = box.seal('["whsec_a","whsec_b"]');
    expect(box.open(sealed)).toBe('["whsec_a","whsec_b"]');
    expect(box.seal('["whsec_a","whsec_b"]')).not.toBe(sealed);
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(() => box.open([parts[0], parts[1], parts[2], body.toString('base64url')].join('.'))).toThrow();
  });

  it('takes SENTRA_FEED_KEY as 64 hex characters or base64 of 32 bytes, and refuses anything else', () => {
    expect(loadConfig({ SENTRA_FEED_KEY: 'ab'.repeat(32) }).feedKey.value?.length).toBe(32);
    expect(loadConfig({ SENTRA_FEED_KEY: randomBytes(32).toString('base64') }).feedKey.value?.length).toBe(32);
    expect(() => loadConfig({ SENTRA_FEED_KEY: 'too-short' })).toThrow(/SENTRA_FEED_KEY/);
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/x' }).feedKey.file).toBeUndefined();
    expect(loadConfig({}).feedKey.file).toMatch(/feed-secrets\.key$/);
  });
});

describe('minor units', () => {
  it('divides by the exponent each PSP uses for the currency', () => {
    expect(fromMinorUnits('stripe', 1999, 'usd')).toBe(19.99);
    expect(fromMinorUnits('stripe', 5000, 'JPY')).toBe(5000);
    expect(fromMinorUnits('stripe', 12_340, 'KWD')).toBe(12.34);
    expect(fromMinorUnits('stripe', 10_000, 'ISK')).toBe(100);
    expect(fromMinorUnits('checkout', 10_000, 'ISK')).toBe(10_000);
    expect(fromMinorUnits('adyen', 1_234_500, 'CLP')).toBe(12_345);
    expect(fromMinorUnits('checkout', 1_234_500, 'CLP')).toBe(1_234_500);
    expect(minorUnitExponent('adyen', 'CVE')).toBe(0);
    expect(minorUnitExponent('stripe', 'CVE')).toBe(2);
    expect(fromMinorUnits('stripe', 1, 'BHD')).toBe(0.001);
  });
});
