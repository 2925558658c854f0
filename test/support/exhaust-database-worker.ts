/**
 * Run as its own process by test/embedded-database-process.test.ts: an embedded app whose database
 * worker has a 64 MB heap runs a query that exhausts it. It prints one JSON line before the query
 * (/healthz) and one after it: the query's error, the reason the runtime reports, and /healthz.
 *
 * Node stops a worker at its heap limit on a best-effort basis: depending on what the worker was
 * allocating, V8 may abort the whole process instead (nodejs/node#47224). Then only the first line
 * is printed, and the process ends on SIGABRT.
 */
import { sql } from 'kysely';
import { startTestApp } from './test-app.js';

const print = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
const sentra = await startTestApp('pglite', { SENTRA_DB_WORKER_HEAP_MB: '64' });
try {
  print({ health: (await sentra.app.inject({ method: 'GET', url: '/healthz' })).statusCode });
  // 1.5 million rows exhaust 64 MB.
  const queryError = await sql`select generate_series(1, 1500000) as n`.execute(sentra.runtime.database.db).then(
    () => null,
    (error: Error) => error.message,
  );
  const lost = (await sentra.runtime.database.lost).message;
  const health = await sentra.app.inject({ method: 'GET', url: '/healthz' });
  print({ queryError, lost, health: health.statusCode, checks: health.json().checks });
} finally {
  await sentra.close();
}
