import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, chainEntries, entryHash, genesisHash } from './audit-chain.js';

/** The encoding every stored hash was made with, as first written: the faster one must equal it byte for byte. */
function referenceCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(referenceCanonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${referenceCanonicalJson(item)}`).join(',')}}`;
}

const entry = (subject: string, payload: Record<string, unknown> = {}) => ({
  tenantId: 't1',
  at: new Date('2026-01-02T03:04:05.678Z'),
  actor: 'tok_1',
  action: 'decision.created',
  subject,
  payload,
});

describe('audit chain', () => {
  it('canonical JSON is byte for byte the encoding the stored hashes were made with, on any JSON and on undefined, Date and non-ASCII keys', () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue(),
        fc.constantFrom(undefined, new Date('2026-01-02T03:04:05Z'), Number.NaN, -0, 1e21, 'é\u2028\ud83d\ude00'),
        fc.array(tie('node')),
        fc.dictionary(fc.string({ unit: 'binary' }), tie('node')),
      ),
    })).node;
    fc.assert(fc.property(value, (input) => canonicalJson(input) === referenceCanonicalJson(input)), { numRuns: 2000 });
    const entryBody = '{"a":1}';
    expect(entryHash(entry('a', { a: 1 }), 1, genesisHash)).toBe(
      createHash('sha256').update(genesisHash).update('\n').update(canonicalJson({ tenant_id: 't1', seq: 1, at: '2026-01-02T03:04:05.678Z', actor: 'tok_1', action: 'decision.created', subject: 'a', payload: JSON.parse(entryBody) })).digest('hex'),
    );
  });

  it('canonical JSON sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });

  it('links each entry to the previous hash and numbers them from the head', () => {
    const chained = chainEntries([entry('a'), entry('b')], 0, genesisHash);
    expect(chained.map((item) => item.seq)).toEqual([1, 2]);
    expect(chained[0]!.prevHash).toBe(genesisHash);
    expect(chained[1]!.prevHash).toBe(chained[0]!.hash);
    expect(chained[1]!.hash).toBe(entryHash(entry('b'), 2, chained[0]!.hash));
  });

  it('any change to an entry or its order changes the hash', () => {
    const base = entryHash(entry('a', { score: 1 }), 1, genesisHash);
    expect(entryHash(entry('a', { score: 2 }), 1, genesisHash)).not.toBe(base);
    expect(entryHash(entry('a', { score: 1 }), 2, genesisHash)).not.toBe(base);
    expect(entryHash(entry('a', { score: 1 }), 1, 'f'.repeat(64))).not.toBe(base);
    expect(entryHash(entry('a', { score: 1 }), 1, genesisHash)).toBe(base);
  });
});
