import fc from 'fast-check';

/** Strings that have broken parsers, queries, templates, logs and spreadsheets somewhere. */
export const injectionStrings = [
  "' OR '1'='1",
  "'; DROP TABLE tenants; --",
  '" OR ""="',
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%00',
  '\r\nX-Injected: 1',
  'javascript:alert(1)',
  '=cmd|"/c calc"!A1',
  '@SUM(1+1)',
  '$where: 1',
  '{"$gt": ""}',
  '__proto__',
  'constructor',
  'prototype',
] as const;

/** Unicode that trips up byte counts, normalization, terminals and databases. */
export const unicodeEdgeCases = [
  '\u0000',
  '\ud800',
  '\udfff',
  '\ud83d',
  '\u202e\u0041\u0042',
  '\u200b',
  '\ufeff',
  '\uffff',
  'é'.normalize('NFD'),
  '😀'.repeat(64),
  'ß'.toUpperCase(),
  '\u0130',
  'Ｔｅｓｔ',
  'a\u0300\u0301\u0302\u0303\u0304',
] as const;

/** Any value a JSON field could be replaced with by a hostile or broken client. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...injectionStrings, ...unicodeEdgeCases),
  fc.constantFrom<unknown>(null, true, false, 0, -1, -0, 1e308, -1e308, 2 ** 53 + 1, 1e-320, '', ' ', [], {}, [[]], '1e400', 'NaN', 'Infinity'),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ minLength: 5_000, maxLength: 20_000, unit: 'grapheme-ascii' }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A JSON text nested `depth` levels deep (arrays or objects). */
export function deeplyNested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Raw bodies that are not what a JSON API expects, with the content type they are sent as. */
export function hostileRawBodies(bodyLimitBytes: number): { name: string; contentType: string | undefined; payload: string | Buffer }[] {
  return [
    { name: 'invalid JSON', contentType: 'application/json', payload: '{"a": 1,' },
    { name: 'empty JSON body', contentType: 'application/json', payload: '' },
    { name: 'JSON null', contentType: 'application/json', payload: 'null' },
    { name: 'JSON string', contentType: 'application/json', payload: '"x"' },
    { name: 'JSON array', contentType: 'application/json', payload: '[1,2,3]' },
    { name: 'invalid UTF-8', contentType: 'application/json', payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]) },
    { name: 'UTF-16 bytes', contentType: 'application/json; charset=utf-16', payload: Buffer.from('{"a":1}', 'utf16le') },
    { name: 'prototype pollution', contentType: 'application/json', payload: '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}' },
    { name: 'nested prototype pollution', contentType: 'application/json', payload: '{"transaction":{"__proto__":{"polluted":"yes"}}}' },
    { name: 'deep array nesting', contentType: 'application/json', payload: deeplyNested(100_000, 'array') },
    { name: 'deep object nesting', contentType: 'application/json', payload: deeplyNested(20_000, 'object') },
    { name: 'body over the limit', contentType: 'application/json', payload: `{"a":"${'x'.repeat(bodyLimitBytes)}"}` },
    { name: 'text/plain', contentType: 'text/plain', payload: '{"a":1}' },
    { name: 'form encoded', contentType: 'application/x-www-form-urlencoded', payload: 'a=1&__proto__[polluted]=yes' },
    { name: 'multipart', contentType: 'multipart/form-data; boundary=x', payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n' },
    { name: 'xml', contentType: 'application/xml', payload: '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>' },
    { name: 'no content type', contentType: undefined, payload: '{"a":1}' },
    { name: 'bogus content type', contentType: 'application/jsonx; charset="', payload: '{"a":1}' },
  ];
}
