/**
 * Feature engine benchmark. Prints, for a synthetic stream with realistic cardinalities
 * (5,000 senders, 10,000 receivers, 6,000 devices, 8,000 IP hashes, hourly sessions, 1% fraud
 * labelled 7 days later, 60 days of activity, rows parsed from JSON like a dataset file):
 *   - events/s of the in-memory store alone (profile reads and updates) and bytes per profiled
 *     entity (heap + typed-array delta / live entities, without transaction memory);
 *   - events/s through the synchronous engine path (whole feature vector, labels included);
 *   - events/s of the Redis store with concurrent requests, when REDIS_URL is set.
 * Rates are given in wall-clock time and per CPU-second of this process, because the benchmark
 * machine's cores are shared with other work (the load average is printed first).
 *
 *   npx tsx bench/feature-engine.ts
 *   REDIS_URL=redis://127.0.0.1:6379 BENCH_EVENTS=1000000 BENCH_REDIS_EVENTS=50000 npx tsx bench/feature-engine.ts
 */
import { cpus, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { LabelRecord, TransactionRecord } from '../src/contract/transaction-record.js';
import { FeatureEngine } from '../src/features/engine/feature-engine.js';
import { interleaveByTime, type ReplayStep } from '../src/features/engine/replay.js';
import { MemoryProfileStore } from '../src/features/profile/memory/memory-profile-store.js';
import { buildContribution, entityIdsByRole, type ProfileEvent } from '../src/features/profile/profile-event.js';
import { buildProfilePlan } from '../src/features/profile/profile-plan.js';
import { RedisProfileStore } from '../src/features/profile/redis/redis-profile-store.js';
import { snapshotLength } from '../src/features/profile/snapshot-fields.js';

const eventCount = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const redisEventCount = Number(process.env.BENCH_REDIS_EVENTS ?? 50_000);
const redisConcurrency = Number(process.env.BENCH_REDIS_CONCURRENCY ?? 64);
const spanMs = 60 * 86_400_000;
const start = Date.UTC(2025, 0, 1);

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const userAgents = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36',
];

/** The synthetic history: transactions in time order and their (delayed) labels. */
function syntheticStream(count: number): ReplayStep[] {
  const next = random(42);
  const transactions: TransactionRecord[] = [];
  const labels: LabelRecord[] = [];
  for (let index = 0; index < count; index++) {
    const sender = Math.floor(next() * 5000);
    const createdAt = start + Math.floor((index / count) * spanMs);
    const record: TransactionRecord = {
      txId: `tx-${index}`,
      createdAt,
      amount: Math.round(next() * 20_000) / 100,
      currency: next() < 0.7 ? 'USD' : 'MXN',
      fxRate: undefined,
      direction: 'pay',
      channel: 'card',
      psp: 'stripe',
      routeId: 'route',
      status: 'completed',
      statusReason: '',
      feeTotal: 1,
      senderEntityId: `sender-${sender}`,
      receiverEntityId: `receiver-${Math.floor(next() * 10_000)}`,
      senderCountry: 'MX',
      receiverCountry: next() < 0.9 ? 'MX' : 'US',
      userId: undefined,
      merchantId: undefined,
      ipHash: next() < 0.9 ? `ip-${(sender * 7 + Math.floor(next() * 3)) % 8000}` : undefined,
      deviceIdHash: next() < 0.8 ? `device-${(sender + Math.floor(next() * 2)) % 6000}` : undefined,
      sessionId: `session-${sender}-${Math.floor(createdAt / 3_600_000)}`,
      userAgent: userAgents[sender % userAgents.length],
      overrides: undefined,
    };
    transactions.push(record);
    if (next() < 0.01) labels.push({ txId: record.txId, label: 'fraud', labeledAt: createdAt + 7 * 86_400_000, source: 'chargeback', reason: '' });
  }
  // A JSON round trip gives every row its own flat strings, as when a dataset file is parsed.
  const parsed = JSON.parse(JSON.stringify(transactions)) as TransactionRecord[];
  return [...interleaveByTime(parsed, labels)];
}

function profileEvent(record: TransactionRecord): ProfileEvent {
  return {
    tenantId: 'bench',
    txId: record.txId,
    createdAt: record.createdAt,
    entityIds: entityIdsByRole({ sender: record.senderEntityId, receiver: record.receiverEntityId, device: record.deviceIdHash, ip: record.ipHash, session: record.sessionId }),
    contribution: buildContribution({ amountUsd: record.amount, localHour: 12 }),
    latitude: Number.NaN,
    longitude: Number.NaN,
  };
}

function memoryInUse(): number {
  collectGarbage();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

interface Rate {
  readonly wall: number;
  readonly cpu: number;
}

/** Runs `body` over `count` events and returns wall-clock and CPU-time rates (other processes share the cores). */
function measure(count: number, body: () => void): Rate {
  collectGarbage();
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  body();
  const cpu = process.cpuUsage(cpuStart);
  return { wall: count / ((performance.now() - wallStart) / 1000), cpu: count / ((cpu.user + cpu.system) / 1e6) };
}

function show(label: string, rate: Rate): void {
  const format = (value: number): string => Math.round(value).toLocaleString('en-US');
  console.log(`${label.padEnd(40)} ${format(rate.wall).padStart(9)} events/s wall, ${format(rate.cpu).padStart(9)} events per CPU-second`);
}

async function main(): Promise<void> {
  console.log(`load average ${loadavg().map((value) => value.toFixed(1)).join(' ')} on ${cpus().length} cores (others' processes share them)`);
  const steps = syntheticStream(eventCount);
  const transactionCount = steps.filter((step) => step.kind === 'transaction').length;
  console.log(`stream: ${transactionCount.toLocaleString('en-US')} transactions, ${(steps.length - transactionCount).toLocaleString('en-US')} labels over 60 days`);
  const plan = buildProfilePlan();

  // Store alone, and memory per entity: nothing else is allocated or freed between the readings.
  let events: ProfileEvent[] = steps.flatMap((step) => (step.kind === 'transaction' ? [profileEvent(step.transaction.record)] : []));
  const before = memoryInUse();
  const store = new MemoryProfileStore(plan, { transactionMemoryCapacity: 0 });
  const snapshot = new Float64Array(snapshotLength);
  show('memory store alone (sync)', measure(events.length, () => {
    for (const event of events) store.observeSync(event, snapshot);
  }));
  store.sweep();
  const bytes = memoryInUse() - before;
  const stats = store.stats();
  console.log(`live entities: ${JSON.stringify(stats.entities)} (${stats.totalEntities.toLocaleString('en-US')})`);
  console.log(`record bytes by role: ${JSON.stringify(stats.recordBytes)}; arrays allocated ${(stats.allocatedBytes / 1048576).toFixed(1)} MiB`);
  console.log(`memory per profiled entity: ${Math.round(bytes / stats.totalEntities).toLocaleString('en-US')} bytes (heap + typed arrays delta ${(bytes / 1048576).toFixed(1)} MiB)`);
  events = [];

  const engine = new FeatureEngine({ store: new MemoryProfileStore(plan) });
  const labeled = new Set(steps.flatMap((step) => (step.kind === 'label' ? [step.label.txId] : [])));
  const records = new Map(steps.flatMap((step) => (step.kind === 'transaction' && labeled.has(step.transaction.record.txId) ? [[step.transaction.record.txId, step.transaction.record]] : [])));
  show('memory store, full engine (sync)', measure(steps.length, () => {
    for (const step of steps) {
      if (step.kind === 'transaction') engine.observeSync('bench', step.transaction.record);
      else engine.applyLabelSync('bench', step.label, records.get(step.label.txId)!);
    }
  }));

  const url = process.env.REDIS_URL;
  if (url === undefined || url === '') {
    console.log('redis store: skipped (set REDIS_URL)');
    return;
  }
  const redisStore = RedisProfileStore.connect(url, plan, { keyPrefix: `sentra-bench:${process.pid}:${Date.now()}` });
  const redisEngine = new FeatureEngine({ store: redisStore });
  const sample = steps.flatMap((step) => (step.kind === 'transaction' ? [step.transaction.record] : [])).slice(0, redisEventCount);
  try {
    let cursor = 0;
    const cpuStart = process.cpuUsage();
    const begin = performance.now();
    const worker = async (): Promise<void> => {
      while (cursor < sample.length) await redisEngine.observe('bench', sample[cursor++]!);
    };
    await Promise.all(Array.from({ length: redisConcurrency }, worker));
    const cpu = process.cpuUsage(cpuStart);
    const wall = sample.length / ((performance.now() - begin) / 1000);
    console.log(`redis store, full engine (${redisConcurrency} concurrent, ${sample.length.toLocaleString('en-US')} events): ${Math.round(wall).toLocaleString('en-US')} events/s wall (client CPU ${Math.round(sample.length / ((cpu.user + cpu.system) / 1e6)).toLocaleString('en-US')} events/s)`);
  } finally {
    await redisStore.deleteAll();
    await redisStore.close();
  }
}

await main();
