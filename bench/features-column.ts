/**
 * What the stored feature vector costs per decision row in the embedded database. Every decision
 * stores its features (`risk_scores.features`: until migration 0080 a jsonb object of the
 * catalogue's ~120 features by name, about 3.5 KB of JSON); under EXPLAIN ANALYZE the insert of the scores row is the largest
 * part of the decision writer. This benchmark inserts rows shaped like the scores row (an id, a
 * tenant, 600 bytes of other columns) through the writer's path (one JSON document per group of
 * BENCH_GROUP rows expanded by jsonb_populate_recordset, as `sentra_write_decision_rows` does) into
 * an in-process PGlite, with the features stored:
 * - not at all (the floor: what the rest of the row costs);
 * - as a jsonb object by feature name (the stored form until migration 0080);
 * - as a jsonb array of the same values in a fixed order (the stored form of migration 0080, its
 *   names kept once in `feature_lists`);
 * - as float8[] (the same array as a PostgreSQL array, given as array text in the document);
 * - as a jsonb string of the same values packed (comma-separated, an empty place for null: the stored
 *   form since migration 0084);
 * - as the object with the column's storage MAIN or EXTERNAL, or the table's toast_tuple_target at 8160
 *   (compression kept inline, no compression out of line, no compression at all).
 * The variants alternate within each of BENCH_ROUNDS rounds (default 5) so a busy machine slows
 * them alike; each prints the median µs per row (JSON.stringify of the group included, as the HTTP
 * thread does it, printed apart too, and the database's work, which runs on the same thread here) and the bytes per
 * row on disk (table, TOAST and index). Values are random with the catalogue's names, a third of
 * them 0 and a few null, with up to 6 decimals, as scored features are.
 *
 *   npx tsx bench/features-column.ts
 *   BENCH_ROWS=6000 BENCH_GROUP=4 BENCH_ROUNDS=5 npx tsx bench/features-column.ts
 */
import { loadavg } from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import { featureNames } from '../src/features/catalogue/feature-catalogue.js';
import { packFeatureValues } from '../src/features/feature-lists.js';

const rows = Number(process.env.BENCH_ROWS ?? 6000);
const group = Number(process.env.BENCH_GROUP ?? 4);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);

let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const values = featureNames.map(() => {
  const draw = random();
  if (draw < 0.03) return null;
  if (draw < 0.33) return 0;
  return Math.round(random() * 10 ** (1 + Math.floor(random() * 6)) * 1e6) / 1e6;
});
const byName = Object.fromEntries(featureNames.map((name, index) => [name, values[index]]));
const arrayText = `{${values.map((value) => (value === null ? 'NULL' : String(value))).join(',')}}`;
const packedText = packFeatureValues(values);
const other = 'x'.repeat(600);

interface Variant {
  readonly column: string;
  readonly setup?: string;
  readonly value: () => unknown;
}
const variants: Record<string, Variant> = {
  'no features (floor)': { column: 'features jsonb', value: () => null },
  'jsonb object by name': { column: 'features jsonb', value: () => byName },
  'jsonb array': { column: 'features jsonb', value: () => values },
  'float8[]': { column: 'features float8[]', value: () => arrayText },
  'jsonb string of packed values': { column: 'features jsonb', value: () => packedText },
  'jsonb object, storage MAIN': { column: 'features jsonb', setup: 'ALTER TABLE t ALTER COLUMN features SET STORAGE MAIN', value: () => byName },
  'jsonb object, storage EXTERNAL': { column: 'features jsonb', setup: 'ALTER TABLE t ALTER COLUMN features SET STORAGE EXTERNAL', value: () => byName },
  'jsonb object, toast_tuple_target 8160': { column: 'features jsonb', setup: 'ALTER TABLE t SET (toast_tuple_target = 8160)', value: () => byName },
};

const db = new PGlite();
const names = Object.keys(variants);
const perRow = new Map<string, number[]>(names.map((name) => [name, []]));
const stringifyPerRow = new Map<string, number[]>(names.map((name) => [name, []]));
const bytes = new Map<string, number>();
console.log(
  `Features column: ${featureNames.length} features (${JSON.stringify(byName).length} bytes of JSON), ${rows} rows per variant in groups of ${group}, ${rounds} rounds, embedded PGlite in process, node ${process.version}; load ${loadavg().map((x) => x.toFixed(2)).join(', ')}`,
);
for (let round = 0; round < rounds; round++) {
  for (const name of names) {
    const variant = variants[name]!;
    await db.exec(`DROP TABLE IF EXISTS t; CREATE TABLE t (id text PRIMARY KEY, tenant_id text NOT NULL, other text NOT NULL, ${variant.column})`);
    if (variant.setup !== undefined) await db.exec(variant.setup);
    const started = performance.now();
    let stringifying = 0;
    for (let first = 0; first < rows; first += group) {
      const built = performance.now();
      const document = JSON.stringify(Array.from({ length: group }, (_, index) => ({ id: `dec_${round}_${first + index}`, tenant_id: 'default', other, features: variant.value() })));
      stringifying += performance.now() - built;
      await db.query('INSERT INTO t SELECT * FROM jsonb_populate_recordset(NULL::t, $1::jsonb)', [document]);
    }
    perRow.get(name)!.push(((performance.now() - started) * 1000) / rows);
    stringifyPerRow.get(name)!.push((stringifying * 1000) / rows);
    const size = await db.query<{ size: number }>(`SELECT pg_total_relation_size('t')::float8 AS size`);
    bytes.set(name, size.rows[0]!.size / rows);
  }
}
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const objectForm = median(perRow.get('jsonb object by name')!);
for (const name of names) {
  const list = perRow.get(name)!;
  console.log(
    `${name.padEnd(40)} ${median(list).toFixed(1).padStart(7)} µs/row  (rounds ${list.map((x) => x.toFixed(0)).join(' / ')})  ×${(median(list) / objectForm).toFixed(2)} of the object  of which JSON.stringify ${median(stringifyPerRow.get(name)!).toFixed(1)} µs  ${Math.round(bytes.get(name)!)} bytes/row`,
  );
}
console.log(`load at the end ${loadavg().map((x) => x.toFixed(2)).join(', ')}`);
await db.close();
