import { describe, expect, it } from 'vitest';
import { canonicalIp, ipv6Words, parseIp } from './ip-address.js';
import { hashIp } from './ip-hash.js';

describe('parseIp and canonicalIp', () => {
  it('parses IPv4 and rejects malformed or leading-zero octets', () => {
    expect(parseIp('1.1.1.1')).toEqual({ version: 4, value: 16843009 });
    expect(parseIp(' 255.255.255.255 ')).toEqual({ version: 4, value: 4294967295 });
    for (const bad of ['256.1.1.1', '1.1.1', '01.1.1.1', '1.1.1.1.1', 'a.b.c.d', '']) expect(parseIp(bad), bad).toBeUndefined();
  });

  it('canonicalizes IPv6 per RFC 5952 and folds IPv4-mapped addresses to IPv4', () => {
    expect(canonicalIp('2405:8100:8000:5CA1:0:0:17:F1C5')).toBe('2405:8100:8000:5ca1::17:f1c5');
    expect(canonicalIp('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
    expect(canonicalIp('2001:0db8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1');
    expect(canonicalIp('2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1');
    expect(canonicalIp('::')).toBe('::');
    expect(canonicalIp('fe80::1%eth0')).toBe('fe80::1');
    expect(canonicalIp('::ffff:1.2.3.4')).toBe('1.2.3.4');
    expect(canonicalIp('::ffff:0102:0304')).toBe('1.2.3.4');
    for (const bad of ['1::2::3', '1:2:3:4:5:6:7:8:9', '12345::', 'gggg::1', '1:2:3:4:5:6:7']) expect(canonicalIp(bad), bad).toBeUndefined();
  });

  it('splits IPv6 into four 32-bit words', () => {
    const parsed = parseIp('2001:db8::ffff:1');
    expect(parsed?.version).toBe(6);
    if (parsed?.version === 6) expect(ipv6Words(parsed.groups)).toEqual([0x20010db8, 0, 0, 0xffff0001]);
  });
});

describe('hashIp', () => {
  it('is an HMAC-SHA256 hex of the canonical address under the install secret', () => {
    // Reference value: printf '1.2.3.4' | openssl dgst -sha256 -hmac secret
    expect(hashIp('secret', '1.2.3.4')).toBe('40c586f5d87dd34c97e0331962b709a6cb9ece888b5b57b6051e29b44f8cad98');
    expect(hashIp('secret', '::ffff:1.2.3.4')).toBe(hashIp('secret', '1.2.3.4'));
    expect(hashIp('secret', '2001:DB8::1')).toBe(hashIp('secret', '2001:db8:0:0:0:0:0:1'));
    expect(hashIp('other-secret', '1.2.3.4')).not.toBe(hashIp('secret', '1.2.3.4'));
    expect(() => hashIp('', '1.2.3.4')).toThrow(/secret/);
  });
});
