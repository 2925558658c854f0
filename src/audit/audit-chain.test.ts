import { describe, expect, it } from 'vitest';
import { canonicalJson, chainEntries, entryHash, genesisHash } from './audit-chain.js';

const entry = (subject: string, payload: Record<string, unknown> = {}) => ({
  tenantId: 't1',
  at: new Date('2026-01-02T03:04:05.678Z'),
  actor: 'tok_1',
  action: 'decision.created',
  subject,
  payload,
});

describe('audit chain', () => {
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
