import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hmacSha256, hmacSha256Hex } from './hmac.js';

const reference = (key: string | Uint8Array, data: string | Uint8Array) => createHmac('sha256', key).update(data).digest();

describe('hmacSha256', () => {
  it('is the HMAC-SHA256 of createHmac for any text or byte key and data, the empty key included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.uint8Array()), fc.oneof(fc.string({ unit: 'binary' }), fc.uint8Array()), (key, data) => {
        expect(hmacSha256(key, data).equals(reference(key, data))).toBe(true);
        expect(hmacSha256Hex(key, data)).toBe(reference(key, data).toString('hex'));
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps each key apart: texts that differ, buffers with the same bytes, and more keys than its cache holds', () => {
    const keys = Array.from({ length: 2_500 }, (_, index) => `secret-${index}`);
    for (const key of keys) expect(hmacSha256Hex(key, 'payload')).toBe(reference(key, 'payload').toString('hex'));
    // Evicted keys come back with the same answer.
    for (const key of keys.slice(0, 10)) expect(hmacSha256Hex(key, 'payload')).toBe(reference(key, 'payload').toString('hex'));
    const first = Buffer.from('same bytes');
    const second = Buffer.from('same bytes');
    expect(hmacSha256Hex(first, 'x')).toBe(hmacSha256Hex(second, 'x'));
    expect(hmacSha256Hex(Buffer.from('other bytes'), 'x')).not.toBe(hmacSha256Hex(first, 'x'));
    // A text key is its UTF-8 bytes, as createHmac takes it.
    expect(hmacSha256Hex('sécret', 'x')).toBe(hmacSha256Hex(Buffer.from('sécret', 'utf8'), 'x'));
  });
});
