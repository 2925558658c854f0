import { hash } from 'node:crypto';

/** The hash that precedes a tenant's first audit entry. */
export const genesisHash = '0'.repeat(64);

/** One audit entry as written: who did what to which subject, with its data. */
export interface AuditEntryInput {
  tenantId: string;
  at: Date;
  /** Token id, `system`, or the CLI user. */
  actor: string;
  /** Dotted action name, e.g. `decision.created`, `thresholds.changed`, `model.activated`. */
  action: string;
  /** The id of what was acted on (request id, model version, tenant id). */
  subject: string;
  payload: Record<string, unknown>;
}

/** An entry with its place in the chain. */
export interface ChainedAuditEntry extends AuditEntryInput {
  seq: number;
  prevHash: string;
  hash: string;
}

/**
 * JSON with object keys sorted at every depth, so equal data always hashes the same. An object is
 * its own enumerable string keys in UTF-16 code-unit order, without those whose value is undefined
 * (a Date is an object with none: `{}`); any other value is JSON.stringify's, or `null`. Every
 * stored audit hash and request digest was made with exactly these bytes.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let index = 0; index < value.length; index++) out += (index === 0 ? '' : ',') + canonicalJson(value[index]);
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  // The default sort compares UTF-16 code units, as `<` does on strings.
  const keys = Object.keys(object).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = object[key];
    if (item === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
    first = false;
  }
  return `${out}}`;
}

/** The hash of an entry given its predecessor's hash: SHA-256 over the previous hash and the canonical entry. */
export function entryHash(entry: AuditEntryInput, seq: number, prevHash: string): string {
  const body = canonicalJson({
    tenant_id: entry.tenantId,
    seq,
    at: entry.at.toISOString(),
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    payload: entry.payload,
  });
  return hash('sha256', `${prevHash}\n${body}`, 'hex');
}

/** Links entries (all of one tenant) after the head (seq, hash). */
export function chainEntries(entries: readonly AuditEntryInput[], headSeq: number, headHash: string): ChainedAuditEntry[] {
  let seq = headSeq;
  let prevHash = headHash;
  return entries.map((entry) => {
    seq += 1;
    const hash = entryHash(entry, seq, prevHash);
    const chained = { ...entry, seq, prevHash, hash };
    prevHash = hash;
    return chained;
  });
}

/** The first break found in a chain, or undefined when every link holds. */
export interface ChainBreak {
  seq: number;
  problem: 'sequence' | 'previous_hash' | 'hash';
}

/** Checks a tenant's entries one at a time, in seq order from 1, so a long chain can be streamed. */
export class ChainChecker {
  private previous = genesisHash;
  private expectedSeq = 1;

  /** The break this entry makes, or undefined when it links correctly to the ones before. */
  next(entry: ChainedAuditEntry): ChainBreak | undefined {
    if (entry.seq !== this.expectedSeq) return { seq: entry.seq, problem: 'sequence' };
    if (entry.prevHash !== this.previous) return { seq: entry.seq, problem: 'previous_hash' };
    if (entryHash(entry, entry.seq, entry.prevHash) !== entry.hash) return { seq: entry.seq, problem: 'hash' };
    this.previous = entry.hash;
    this.expectedSeq += 1;
    return undefined;
  }

  /** Starts after a known link instead of the genesis (an export of a later window). */
  startAfter(seq: number, hash: string): void {
    this.expectedSeq = seq + 1;
    this.previous = hash;
  }
}

/** Checks stored entries of one tenant, in seq order from 1: numbering, links and hashes. */
export function verifyChain(entries: readonly ChainedAuditEntry[]): ChainBreak | undefined {
  const checker = new ChainChecker();
  for (const entry of entries) {
    const problem = checker.next(entry);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
