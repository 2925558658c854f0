import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventTypes, type EventType } from '../contract/event-types.js';
import { readTransactions } from '../datasets/dataset-readers.js';
import { simulateDataset } from '../datasets/simulator/simulate-dataset.js';
import { tableNetworkSignals } from '../features/network/network-signals.js';
import { toTransactionRecord } from '../scoring/score-request.js';
import { scoreBody } from '../../test/support/score-body.js';
import { eventCall } from './event-request.js';
import type { Merchant } from './merchant.repository.js';

const root = await mkdtemp(join(tmpdir(), 'sentra-event-call-'));
const merchant = { merchantId: 'mer_1', currency: 'USD' } as Merchant;
const network = tableNetworkSignals({ '46.114.1.1': { country: 'DE', latitude: 50.36, longitude: 7.6, asn: 3320, asnOrganization: 'Telefonica Germany', hosting: false } });
/** The overrides the model sees beyond the network signals (which the API derives from the raw IP). */
const eventOverrides = (overrides: Readonly<Record<string, number>> | undefined) =>
  Object.fromEntries(Object.entries(overrides ?? {}).filter(([name]) => name !== 'ip_is_hosting' && name !== 'ip_country_mismatch'));

/** What the simulator writes for each event type, and what the event API sends the engine for it. */
describe('the event API and the simulator give every event type the same model inputs', () => {
  const simulated = new Map<EventType, Record<string, number>[]>();

  beforeAll(async () => {
    await simulateDataset(root, { customers: 400, terminals: 400, days: 30, seed: 5 });
    for await (const record of readTransactions(root)) {
      const type: EventType = record.routeId.startsWith('event:') ? (record.routeId.slice('event:'.length) as EventType) : record.direction === 'payout' ? 'withdrawal_attempt' : 'payment_attempt';
      simulated.set(type, [...(simulated.get(type) ?? []), eventOverrides(record.overrides)]);
    }
  }, 120_000);
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it.each(eventTypes)('%s', (type) => {
    const call = eventCall({ userId: 'usr_1', eventType: type, ipAddress: '46.114.1.1', amount: type === 'payment_attempt' || type === 'withdrawal_attempt' ? 25 : undefined }, 'evt-1', merchant, Date.UTC(2026, 0, 5), Buffer.alloc(32, 7), network);
    const rows = simulated.get(type) ?? [];
    expect(rows.length).toBeGreaterThan(0);
    const distinct = new Set(rows.map((row) => JSON.stringify(row)));
    expect([...distinct]).toEqual([JSON.stringify(eventOverrides(call.record.overrides))]);
    expect(call.record.routeId).toBe(`event:${type}`);
  });

  it('sends payments and withdrawals as POST /v1/risk/score does: without an event-type override', () => {
    expect(toTransactionRecord(scoreBody()).overrides).toBeUndefined();
    for (const type of ['payment_attempt', 'withdrawal_attempt'] as const) {
      expect(eventCall({ userId: 'usr_1', eventType: type, amount: 10 }, 'evt-2', merchant, Date.UTC(2026, 0, 5), Buffer.alloc(32, 7), network).record.overrides).toBeUndefined();
    }
    expect(eventCall({ userId: 'usr_1', eventType: 'login_attempt' }, 'evt-3', merchant, Date.UTC(2026, 0, 5), Buffer.alloc(32, 7), network).record.overrides).toEqual({ event_type_code: 2, is_account_event: 1 });
  });
});
