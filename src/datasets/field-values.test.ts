import { describe, expect, it } from 'vitest';
import { containsRawIpAddress, isCountryCode, isCurrencyCode, parseDecimal, parseTimestamp } from './field-values.js';
import { formatIsoTimestamp } from './iso-time.js';

describe('parseTimestamp', () => {
  it.each([
    ['2018-04-01T08:30:00Z', Date.UTC(2018, 3, 1, 8, 30)],
    ['2018-04-01T08:30:00.250Z', Date.UTC(2018, 3, 1, 8, 30, 0, 250)],
    ['2018-04-01T08:30Z', Date.UTC(2018, 3, 1, 8, 30)],
    ['2018-04-01 08:30:00Z', Date.UTC(2018, 3, 1, 8, 30)],
    ['2018-04-01T10:30:00+02:00', Date.UTC(2018, 3, 1, 8, 30)],
    ['2018-04-01T03:30:00-0500', Date.UTC(2018, 3, 1, 8, 30)],
    ['2018-04-01T08:30:00.123456789+00', Date.UTC(2018, 3, 1, 8, 30, 0, 123)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
  ])('reads %s', (text, expected) => {
    expect(parseTimestamp(text)).toBe(expected);
  });

  it.each([
    '2018-04-01T08:30:00',
    '2018-04-01',
    '01/04/2018 08:30Z',
    '2018-13-01T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2018-04-31T00:00:00Z',
    '2018-04-01T24:00:00Z',
    '2018-04-01T08:60:00Z',
    '2018-04-01T08:30:00+25:00',
    '1800-01-01T00:00:00Z',
    '2018-04-01T08:30:00z',
    '',
  ])('rejects %s', (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });

  it('formats like Date#toISOString and reads its own output back', () => {
    for (const instant of [0, 1, 999, 86_399_999, Date.UTC(2018, 3, 1, 23, 59, 59, 5), Date.UTC(2000, 1, 29), Date.UTC(1901, 0, 1), -1, Date.UTC(9999, 11, 31)]) {
      expect(formatIsoTimestamp(instant)).toBe(new Date(instant).toISOString());
      if (instant >= Date.UTC(1900, 0, 1)) expect(parseTimestamp(formatIsoTimestamp(instant))).toBe(instant);
    }
  });
});

describe('parseDecimal', () => {
  it.each([
    ['12', 12],
    ['-3.50', -3.5],
    ['.5', 0.5],
    ['1e3', 1000],
    ['+7', 7],
  ])('reads %s', (text, expected) => {
    expect(parseDecimal(text)).toBe(expected);
  });

  it.each(['', 'ten', '1,5', '0x10', 'Infinity', 'NaN', '1e999', ' 12', '12 '])('rejects %j', (text) => {
    expect(parseDecimal(text)).toBeUndefined();
  });
});

describe('codes', () => {
  it('accepts three upper-case letters as a currency and two letters as a country', () => {
    expect(isCurrencyCode('USD')).toBe(true);
    expect(isCurrencyCode('usd')).toBe(false);
    expect(isCurrencyCode('US')).toBe(false);
    expect(isCountryCode('US')).toBe(true);
    expect(isCountryCode('us')).toBe(true);
    expect(isCountryCode('USA')).toBe(false);
  });
});

describe('containsRawIpAddress', () => {
  it.each(['203.0.113.9', '2001:db8::1', '::1', '[2001:db8::1]:443', 'ip=10.0.0.1', 'fe80::1%eth0', 'client 192.168.1.20 via proxy', '::ffff:192.0.2.1'])(
    'finds a raw IP in %s',
    (value) => {
      expect(containsRawIpAddress(value)).toBe(true);
    },
  );

  it.each([
    'f9694d4afc1619f01642014e828c1915e8ada46ed24de715b360ea7595083028',
    'sha256:f9694d4afc1619f01642014e828c1915',
    'device-1.2.3',
    '1.2.3.4.5',
    '999.1.1.1',
    'ab:cd',
  ])('accepts the hash-like %s', (value) => {
    expect(containsRawIpAddress(value)).toBe(false);
  });
});
