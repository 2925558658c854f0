import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountEventTypes, eventTypes } from '../../contract/event-types.js';
import type { TransactionRecord } from '../../contract/transaction-record.js';
import { SentraError } from '../../errors/errors.js';
import { datasetHash } from '../dataset-hash.js';
import { readLabels, readTransactions } from '../dataset-readers.js';
import { validateDataset } from '../validate-dataset.js';
import { simulateDataset } from './simulate-dataset.js';

const root = await mkdtemp(join(tmpdir(), 'sentra-simulate-'));
const small = { customers: 300, terminals: 600, days: 20 } as const;

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function transactionsWithoutIds(dir: string, keep: (record: TransactionRecord) => boolean): Promise<string[]> {
  const rows: string[] = [];
  for await (const record of readTransactions(dir)) if (keep(record)) rows.push(JSON.stringify({ ...record, txId: undefined }));
  return rows;
}

describe('simulateDataset determinism', () => {
  it('writes byte-identical files for the same seed and different files for another seed', async () => {
    await simulateDataset(join(root, 'a'), { ...small, seed: 7 });
    await simulateDataset(join(root, 'b'), { ...small, seed: 7 });
    await simulateDataset(join(root, 'c'), { ...small, seed: 8 });
    const files = (await readdir(join(root, 'a'))).sort();
    expect(files).toEqual(['entities.csv', 'kyc_refs.csv', 'labels.csv', 'manifest.json', 'transactions.csv']);
    for (const file of files) expect((await readFile(join(root, 'b', file))).equals(await readFile(join(root, 'a', file)))).toBe(true);
    expect(await datasetHash(join(root, 'b'))).toBe(await datasetHash(join(root, 'a')));
    expect(await datasetHash(join(root, 'c'))).not.toBe(await datasetHash(join(root, 'a')));
  });

  it('writes JSONL with the same records as CSV', async () => {
    await simulateDataset(join(root, 'jsonl'), { ...small, seed: 7, format: 'jsonl' });
    expect((await validateDataset(join(root, 'jsonl'))).valid).toBe(true);
    const all = (): boolean => true;
    expect(await transactionsWithoutIds(join(root, 'jsonl'), all)).toEqual(await transactionsWithoutIds(join(root, 'a'), all));
  });

  it('keeps the handbook card payments identical whatever online scenarios are added', async () => {
    await simulateDataset(join(root, 'handbook'), { ...small, seed: 7, scenarios: ['card'] });
    const handbook = await transactionsWithoutIds(join(root, 'handbook'), () => true);
    expect(handbook.length).toBeGreaterThan(1000);
    expect(handbook.some((row) => row.includes('ipHash'))).toBe(false);
    expect(await transactionsWithoutIds(join(root, 'a'), (record) => record.ipHash === undefined)).toEqual(handbook);
  });

  it('refuses a folder holding a dataset unless forced', async () => {
    await expect(simulateDataset(join(root, 'a'), small)).rejects.toSatisfy((error) => error instanceof SentraError && error.code === 'SENTRA_ERR_CONFLICT');
    await simulateDataset(join(root, 'a'), { ...small, format: 'jsonl' }, true);
    expect((await readdir(join(root, 'a'))).sort()).toEqual(['entities.csv', 'kyc_refs.csv', 'labels.csv', 'manifest.json', 'transactions.jsonl']);
  });

  it('rejects invalid options with every problem', async () => {
    await expect(simulateDataset(join(root, 'bad'), { customers: 0, start: '2018-02-30' })).rejects.toSatisfy(
      (error) => error instanceof SentraError && error.details.map((detail) => detail.path).join() === 'customers,start',
    );
    await expect(simulateDataset(join(root, 'bad'), { spending: 'lavish' as never })).rejects.toSatisfy(
      (error) => error instanceof SentraError && error.details.map((detail) => detail.path).join() === 'spending',
    );
  });

  it('with broad spending, has ordinary payments above 220 USD and no amount rule; handbook spending has neither', async () => {
    const handbook = await simulateDataset(join(root, 'handbook-spending'), { ...small, seed: 7, scenarios: ['card'] });
    const broad = await simulateDataset(join(root, 'broad-spending'), { ...small, seed: 7, scenarios: ['card'], spending: 'broad' });
    expect(handbook.fraudByReason.large_amount).toBeGreaterThan(0);
    expect(broad.fraudByReason.large_amount).toBe(0);
    const fraudIds = async (dir: string) => {
      const ids = new Set<string>();
      for await (const label of readLabels(dir)) if (label.label === 'fraud') ids.add(label.txId);
      return ids;
    };
    const largeLegitimate = async (dir: string) => {
      const frauds = await fraudIds(dir);
      let count = 0;
      for await (const record of readTransactions(dir)) if (record.amount > 220 && !frauds.has(record.txId)) count++;
      return count;
    };
    expect(await largeLegitimate(join(root, 'handbook-spending'))).toBe(0);
    expect(await largeLegitimate(join(root, 'broad-spending'))).toBeGreaterThan(100);
  });
});

describe('a default-sized simulation over 60 days', () => {
  const dir = join(root, 'default-60');
  const reasons = new Map<string, string>();
  const online: { record: TransactionRecord; reason: string | undefined }[] = [];
  let cardRows = 0;
  let cardFraud = 0;

  beforeAll(async () => {
    await simulateDataset(dir, { days: 60, seed: 3 });
    for await (const label of readLabels(dir)) reasons.set(label.txId, label.reason);
    for await (const record of readTransactions(dir)) {
      const reason = reasons.get(record.txId);
      if (record.ipHash === undefined) {
        cardRows++;
        if (reason !== undefined) cardFraud++;
      } else online.push({ record, reason });
    }
  });

  it('validates cleanly with the contract validator, in time order', async () => {
    const report = await validateDataset(dir);
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.labelCounts.fraud).toBe(reasons.size);
  });

  it('has handbook-like volume and card fraud rate', () => {
    // The handbook: ~9,600 payments a day, 0.84% fraud over 183 days (lower in the first 28 days).
    expect(cardRows / 60).toBeGreaterThan(9000);
    expect(cardRows / 60).toBeLessThan(10_200);
    expect(cardFraud / cardRows).toBeGreaterThan(0.005);
    expect(cardFraud / cardRows).toBeLessThan(0.011);
    const overall = reasons.size / (cardRows + online.length);
    expect(overall).toBeGreaterThan(0.006);
    expect(overall).toBeLessThan(0.014);
  });

  it('labels every scenario, with early fraud warnings for some', async () => {
    expect(new Set(reasons.values())).toEqual(
      new Set(['large_amount', 'compromised_terminal', 'compromised_card', 'account_takeover', 'device_sharing_ring', 'datacenter_ip', 'card_testing']),
    );
    const sources = new Map<string, number>();
    for await (const label of readLabels(dir)) sources.set(label.source, (sources.get(label.source) ?? 0) + 1);
    expect(sources.get('early_fraud_warning')! / reasons.size).toBeGreaterThan(0.15);
    expect(sources.get('chargeback')! / reasons.size).toBeGreaterThan(0.75);
  });

  it('shapes account takeovers as night payouts to receivers new to the victim, or card purchases at their usual merchants', () => {
    const takeovers = online.filter((row) => row.reason === 'account_takeover' && !row.record.routeId.startsWith('event:'));
    expect(takeovers.length).toBeGreaterThan(60);
    for (const { record } of takeovers) expect(new Date(record.createdAt).getUTCHours()).toBeLessThan(6);
    const legitReceivers = new Set(online.filter((row) => row.reason === undefined).map((row) => `${row.record.senderEntityId}>${row.record.receiverEntityId}`));
    const payouts = takeovers.filter(({ record }) => record.direction === 'payout');
    const purchases = takeovers.filter(({ record }) => record.direction !== 'payout');
    expect(payouts.every(({ record }) => !legitReceivers.has(`${record.senderEntityId}>${record.receiverEntityId}`))).toBe(true);
    expect(purchases.every(({ record }) => record.direction === 'pay_in' && record.channel === 'card' && record.receiverEntityId === record.merchantId)).toBe(true);
    // Purchases go to merchants the victim buys from (most of them already did in these 60 days).
    const known = purchases.filter(({ record }) => legitReceivers.has(`${record.senderEntityId}>${record.receiverEntityId}`)).length;
    expect(known / purchases.length).toBeGreaterThan(0.5);
    expect(purchases.length / takeovers.length).toBeGreaterThan(0.2);
    expect(payouts.length / takeovers.length).toBeGreaterThan(0.4);
  });

  it('emits every account event type as the event API maps it, in the sessions of the user it belongs to', () => {
    const events = online.filter((row) => row.record.routeId.startsWith('event:'));
    const payments = online.filter((row) => !row.record.routeId.startsWith('event:'));
    expect(new Set(events.map((row) => row.record.routeId))).toEqual(new Set(accountEventTypes.map((type) => `event:${type}`)));
    for (const { record } of events) {
      const type = record.routeId.slice('event:'.length);
      expect(record).toMatchObject({ amount: 0, direction: 'pay_in', status: 'pending', statusReason: `${type} event`, feeTotal: 0, receiverCountry: record.senderCountry });
      expect(record.overrides).toEqual({ ip_is_hosting: expect.any(Number) as number, ip_country_mismatch: 0, event_type_code: eventTypes.indexOf(type as never) + 1, is_account_event: 1 });
      expect(record.receiverEntityId).toBe(record.merchantId);
      expect([record.ipHash, record.deviceIdHash, record.sessionId, record.userAgent, record.userId].every((value) => value !== undefined && value !== '')).toBe(true);
    }
    // Payments carry no event-type override, as on POST /v1/risk/score.
    expect(payments.every(({ record }) => record.overrides?.['event_type_code'] === undefined && record.overrides?.['is_account_event'] === undefined)).toBe(true);
    // The sender of a user's account events is the card holder of that user's payments.
    const senderByUser = new Map(payments.filter((row) => row.reason === undefined).map(({ record }) => [record.userId!, record.senderEntityId]));
    const legitEvents = events.filter((row) => row.reason === undefined);
    expect(legitEvents.every(({ record }) => !senderByUser.has(record.userId!) || senderByUser.get(record.userId!) === record.senderEntityId)).toBe(true);
    // One signup per user, before any of their legitimate activity; logins open the session of a payment from the same device and IP.
    const signups = legitEvents.filter(({ record }) => record.routeId === 'event:signup');
    expect(new Set(signups.map(({ record }) => record.userId)).size).toBe(signups.length);
    const firstActivity = new Map<string, number>();
    for (const { record, reason } of online) if (reason === undefined && record.userId !== undefined && !firstActivity.has(record.userId)) firstActivity.set(record.userId, record.createdAt);
    expect(signups.every(({ record }) => firstActivity.get(record.userId!) === record.createdAt)).toBe(true);
    const paymentBySession = new Map(payments.map(({ record }) => [record.sessionId!, record]));
    const logins = legitEvents.filter(({ record }) => record.routeId === 'event:login_attempt');
    const opening = logins.filter(({ record }) => paymentBySession.has(record.sessionId!));
    expect(opening.length / logins.length).toBeGreaterThan(0.9);
    for (const { record } of opening) {
      const payment = paymentBySession.get(record.sessionId!)!;
      expect(payment.createdAt).toBeGreaterThanOrEqual(record.createdAt);
      expect([payment.deviceIdHash, payment.ipHash, payment.userId]).toEqual([record.deviceIdHash, record.ipHash, record.userId]);
    }
  });

  it("starts each takeover with the fraudster's login, often a password reset and an account update, all labelled like its payouts", () => {
    const bySession = new Map<string, { record: TransactionRecord; reason: string | undefined }[]>();
    for (const row of online) if (row.reason === 'account_takeover') bySession.set(row.record.sessionId!, [...(bySession.get(row.record.sessionId!) ?? []), row]);
    expect(bySession.size).toBeGreaterThan(20);
    const kinds = new Map<string, number>();
    for (const rows of bySession.values()) {
      const routes = rows.map(({ record }) => record.routeId);
      expect(routes[0]).toBe('event:login_attempt');
      const payouts = routes.findIndex((route) => !route.startsWith('event:'));
      expect(payouts).toBeGreaterThan(0);
      // A purchase takeover's account events name the shop it buys at, as the event API does.
      const spent = rows[payouts]!.record;
      if (spent.direction === 'pay_in') expect(rows.every(({ record }) => record.merchantId === spent.merchantId)).toBe(true);
      expect(routes.slice(payouts).every((route) => !route.startsWith('event:'))).toBe(true);
      for (const route of routes.slice(0, payouts)) kinds.set(route, (kinds.get(route) ?? 0) + 1);
      expect(new Set(rows.map(({ record }) => `${record.deviceIdHash}|${record.ipHash}`)).size).toBe(1);
    }
    expect(kinds.get('event:password_reset')! / bySession.size).toBeGreaterThan(0.4);
    expect(kinds.get('event:account_update')! / bySession.size).toBeGreaterThan(0.3);
    // Ordinary users reset passwords and update accounts too, unlabelled.
    const ordinary = online.filter((row) => row.reason === undefined).map(({ record }) => record.routeId);
    expect(ordinary.filter((route) => route === 'event:password_reset').length).toBeGreaterThan(50);
    expect(ordinary.filter((route) => route === 'event:account_update').length).toBeGreaterThan(50);
  });

  it('shares ring devices among many accounts, family devices among few', () => {
    const usersByDevice = new Map<string, Set<string>>();
    for (const { record } of online) {
      const users = usersByDevice.get(record.deviceIdHash!) ?? new Set<string>();
      users.add(record.userId!);
      usersByDevice.set(record.deviceIdHash!, users);
    }
    const ringDevices = new Set(online.filter((row) => row.reason === 'device_sharing_ring').map((row) => row.record.deviceIdHash!));
    expect(ringDevices.size).toBeGreaterThan(2);
    for (const device of ringDevices) expect(usersByDevice.get(device)!.size).toBeGreaterThanOrEqual(8);
    const legitDevices = new Set(online.filter((row) => row.reason === undefined).map((row) => row.record.deviceIdHash!));
    const legitMaximum = Math.max(...[...legitDevices].map((device) => usersByDevice.get(device)!.size));
    expect(legitMaximum).toBeGreaterThanOrEqual(2);
    expect(legitMaximum).toBeLessThanOrEqual(4);
  });

  it('carries the datacenter signal as f_ip_is_hosting, with honest VPN users too', () => {
    const datacenter = online.filter((row) => row.reason === 'datacenter_ip');
    expect(datacenter.length).toBeGreaterThan(50);
    // About 30% of online payments come with a hashed IP only: their signals are unknown (empty).
    const payments = online.filter(({ record }) => !record.routeId.startsWith('event:'));
    const hashedOnly = payments.filter(({ record }) => record.overrides === undefined).length / payments.length;
    expect(hashedOnly).toBeGreaterThan(0.25);
    expect(hashedOnly).toBeLessThan(0.35);
    expect(online.filter(({ record }) => record.routeId.startsWith('event:')).every(({ record }) => record.overrides?.['ip_is_hosting'] !== undefined)).toBe(true);
    expect(datacenter.every(({ record }) => record.overrides === undefined || record.overrides['ip_is_hosting'] === 1)).toBe(true);
    const legit = online.filter((row) => row.reason === undefined && row.record.overrides !== undefined);
    const legitHosting = legit.filter(({ record }) => record.overrides?.['ip_is_hosting'] === 1).length / legit.length;
    expect(legitHosting).toBeGreaterThan(0.005);
    expect(legitHosting).toBeLessThan(0.05);
    expect(legit.some(({ record }) => record.overrides?.['ip_country_mismatch'] === 1)).toBe(true);
  });

  it('makes card testing a burst of tiny payments at one receiver within minutes', () => {
    const bySession = new Map<string, TransactionRecord[]>();
    for (const { record, reason } of online) {
      if (reason !== 'card_testing') continue;
      bySession.set(record.sessionId!, [...(bySession.get(record.sessionId!) ?? []), record]);
    }
    expect(bySession.size).toBeGreaterThan(10);
    for (const burst of bySession.values()) {
      expect(burst.length).toBeGreaterThanOrEqual(12);
      expect(new Set(burst.map((record) => record.receiverEntityId)).size).toBe(1);
      expect(burst.every((record) => record.amount <= 3)).toBe(true);
      expect(burst.at(-1)!.createdAt - burst[0]!.createdAt).toBeLessThan(30 * 60_000);
    }
  });

  it('never writes a raw IP and records the options and counts in the manifest', async () => {
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { summary: { transactions: number }; generator: { seed: number } };
    expect(manifest.generator.seed).toBe(3);
    expect(manifest.summary.transactions).toBe(cardRows + online.length);
    expect(online.every(({ record }) => /^[0-9a-f]{64}$/.test(record.ipHash!) && /^[0-9a-f]{64}$/.test(record.deviceIdHash!))).toBe(true);
  });
});
