/**
 * ArrayBuffer bytes a statement allocates on the embedded database's thread, the churn that drives
 * its full garbage collections (docs/scaling.md, "The embedded database thread's garbage
 * collection"). In one process, on one in-memory PGlite, rounds alternating, the same insert of a
 * BENCH_PARAM_BYTES text parameter (default 5,000, about one decision's document) through:
 *  - `queryInOneCall` (src/platform/pglite-one-call-query.ts): the messages written into one buffer
 *    kept from call to call;
 *  - PGlite's own `query`: its serialiser, the baseline.
 * Bytes are the growth of `process.memoryUsage().arrayBuffers` summed after each statement (a
 * collection in between only lowers it), divided by the statements; CPU is the process's.
 *
 *   npx tsx bench/embedded-statement-garbage.ts
 */
import { PGlite } from '@electric-sql/pglite';
import { queryInOneCall } from '../src/platform/pglite-one-call-query.js';

const paramBytes = Number(process.env.BENCH_PARAM_BYTES ?? 5_000);
const statements = Number(process.env.BENCH_STATEMENTS ?? 2_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

const pglite = await PGlite.create();
await pglite.exec('create table docs (id serial primary key, doc jsonb)');
const document = JSON.stringify({ text: 'x'.repeat(paramBytes) });
const insert = 'insert into docs (doc) select $1::jsonb returning id';
const ways = {
  'one reused buffer': () => queryInOneCall(pglite, insert, [document]),
  "PGlite's query": () => pglite.query(insert, [document]),
};

console.log(`Statement garbage: ${statements} inserts of a ${document.length}-byte parameter per round, ${rounds} rounds, node ${process.version}`);
const results = new Map<string, { bytes: number[]; cpu: number[] }>(Object.keys(ways).map((name) => [name, { bytes: [], cpu: [] }]));
for (let round = 1; round <= rounds; round++) {
  for (const [name, run] of Object.entries(ways)) {
    let grown = 0;
    let last = process.memoryUsage().arrayBuffers;
    const cpu = process.cpuUsage();
    for (let index = 0; index < statements; index++) {
      await run();
      const now = process.memoryUsage().arrayBuffers;
      if (now > last) grown += now - last;
      last = now;
    }
    const used = process.cpuUsage(cpu);
    const result = results.get(name)!;
    result.bytes.push(grown / statements);
    result.cpu.push((used.user + used.system) / statements);
    console.log(`round ${round}  ${name.padEnd(18)} ${Math.round(grown / statements).toString().padStart(6)} ArrayBuffer bytes a statement  ${((used.user + used.system) / statements).toFixed(0)} µs CPU a statement (memoryUsage included)`);
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
for (const [name, { bytes, cpu }] of results) console.log(`${name.padEnd(18)} median ${Math.round(median(bytes))} bytes, ${median(cpu).toFixed(0)} µs a statement`);
await pglite.close();
