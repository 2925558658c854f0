/**
 * What the scoring request that passes a list entry's expiry pays to remove it: a list of
 * 1,000,000 entries, half of them expiring one second apart, swept 1,000 times one due entry at a
 * time. The held expiry queue (src/rule-store/list-expiries.ts) against, in the same run, a walk
 * over every entry (how expired entries were removed before).
 *
 *   npx tsx bench/list-expiry.ts
 */
import { loadavg } from 'node:os';
import { ListExpiries } from '../src/rule-store/list-expiries.js';

const size = 1_000_000;
const sweeps = 1_000;
const start = Date.UTC(2027, 0, 1);
const build = () => {
  const entries = new Map<string, number>();
  for (let index = 0; index < size; index++) entries.set(`cust-${index}`, index % 2 === 0 ? Number.POSITIVE_INFINITY : start + index * 500);
  return entries;
};
const median = (samples: number[]) => [...samples].sort((left, right) => left - right)[Math.floor(samples.length / 2)]!;

/** The walk: every entry read at every expiry. */
const walked = build();
const walkSamples: number[] = [];
for (let sweep = 1; sweep <= 20; sweep++) {
  const now = start + sweep * 1000;
  const started = process.hrtime.bigint();
  for (const [value, expiry] of walked) if (expiry <= now) walked.delete(value);
  walkSamples.push(Number(process.hrtime.bigint() - started) / 1000);
}

const queued = build();
const built = process.hrtime.bigint();
const expiries = new ListExpiries(queued);
const buildMs = Number(process.hrtime.bigint() - built) / 1e6;
const queueSamples: number[] = [];
for (let sweep = 1; sweep <= sweeps; sweep++) {
  const now = start + sweep * 1000;
  const started = process.hrtime.bigint();
  expiries.sweep(queued, now);
  queueSamples.push(Number(process.hrtime.bigint() - started) / 1000);
}
if (queued.size !== size - sweeps) throw new Error(`the queue left ${queued.size} entries, expected ${size - sweeps}`);

console.log(
  `removing the entry due from a ${size.toLocaleString('en-US')}-entry list: walk over every entry p50 ${median(walkSamples).toFixed(0)} µs (20 sweeps); ` +
    `expiry queue p50 ${median(queueSamples).toFixed(2)} µs (${sweeps} sweeps; built in ${buildMs.toFixed(0)} ms when the list loads)`,
);
console.log(`load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
