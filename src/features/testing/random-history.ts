import type { LabelValue } from '../../contract/enums.js';
import type { LabelRecord, OnlineSignals, TransactionRecord } from '../../contract/transaction-record.js';
import { tableNetworkSignals, type NetworkObservation, type NetworkSignals } from '../network/network-signals.js';
import { baseTime, minute, transaction } from './transactions.js';

/** A step of a generated history: a transaction (possibly a re-score) or a label. */
export type HistoryStep =
  | { readonly kind: 'transaction'; readonly record: TransactionRecord; readonly online: OnlineSignals | undefined }
  | { readonly kind: 'label'; readonly label: LabelRecord; readonly record: TransactionRecord; readonly previous: LabelValue | undefined };

/** A small deterministic generator (LCG), so failures reproduce. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const userAgents = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  'curl/8.4.0',
];

/** Ten fake addresses spread over the globe, for location features. */
export function fakeNetworkSignals(): NetworkSignals {
  const table: Record<string, NetworkObservation> = {};
  for (let index = 0; index < 10; index++) {
    table[`192.0.2.${index}`] = { country: index % 2 === 0 ? 'GB' : 'MX', latitude: -60 + index * 13, longitude: -170 + index * 37, asn: 64500 + index, asnOrganization: `Network ${index}`, hosting: index === 7 };
  }
  return tableNetworkSignals(table);
}

/**
 * A random but realistic event history in time order: small cardinalities so profiles repeat, some
 * optional fields absent, raw IPs, user agents, labels arriving later (some changed), re-scores.
 */
export function randomHistory(seed: number, length: number, spacingMs = 10 * minute): HistoryStep[] {
  const random = seededRandom(seed);
  const pick = (count: number, prefix: string): string => `${prefix}${Math.floor(random() * count)}`;
  const steps: HistoryStep[] = [];
  const records: TransactionRecord[] = [];
  const labels = new Map<string, LabelValue>();
  let now = baseTime;
  for (let index = 0; index < length; index++) {
    now += Math.floor(random() * 2 * spacingMs);
    if (records.length > 20 && random() < 0.05) {
      const again = records[records.length - 1 - Math.floor(random() * 5)]!;
      steps.push({ kind: 'transaction', record: { ...again, status: 'refunded' }, online: undefined });
    }
    const record = transaction({
      txId: `history-${seed}-${index}`,
      createdAt: now,
      amount: Math.round(random() * 50_000) / 100,
      currency: random() < 0.5 ? 'USD' : 'MXN',
      fxRate: random() < 0.1 ? 0.05 : undefined,
      senderEntityId: pick(12, 'sender-'),
      receiverEntityId: pick(6, 'receiver-'),
      senderCountry: random() < 0.5 ? 'GB' : 'MX',
      deviceIdHash: random() < 0.8 ? pick(15, 'device-') : undefined,
      ipHash: random() < 0.3 ? pick(10, 'ip-') : undefined,
      sessionId: random() < 0.7 ? pick(40, 'session-') : undefined,
      userAgent: random() < 0.5 ? userAgents[Math.floor(random() * userAgents.length)] : undefined,
    });
    const online = random() < 0.4 ? { ipAddress: `192.0.2.${Math.floor(random() * 10)}`, sessionAgeSeconds: Math.floor(random() * 3600) } : undefined;
    records.push(record);
    steps.push({ kind: 'transaction', record, online });
    if (records.length > 30 && random() < 0.25) {
      const target = records[Math.floor(random() * (records.length - 1))]!;
      const value: LabelValue = random() < 0.3 ? 'fraud' : 'legit';
      const previous = labels.get(target.txId);
      labels.set(target.txId, value);
      steps.push({ kind: 'label', label: { txId: target.txId, label: value, labeledAt: now, source: 'chargeback', reason: '' }, record: target, previous });
    }
  }
  return steps;
}
