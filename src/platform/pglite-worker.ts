/**
 * Worker thread that owns the embedded database. PostgreSQL-in-WebAssembly is CPU work; running it
 * here lets it use the second core while the main thread serves HTTP, computes features and
 * explains scores. Queries arrive in order and are answered in order (PGlite runs one at a time).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './pglite-worker-protocol.js';
import { DurableNodeFS, FsyncCounters, durableStartParams } from './durable-node-fs.js';
import { queryInOneCall } from './pglite-one-call-query.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;

function serializeError(error: unknown): WorkerReply['error'] {
  const source = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as Record<string, unknown>;
  const copy: Record<string, unknown> = { message: String(source.message ?? error) };
  for (const key of ['code', 'severity', 'detail', 'hint', 'constraint', 'table', 'column', 'schema']) {
    if (typeof source[key] === 'string') copy[key] = source[key];
  }
  return copy as WorkerReply['error'];
}

/**
 * The statistics target of the embedded database (PostgreSQL's default is 100). ANALYZE samples
 * 300 × target rows, and on the embedded store every other query waits while it runs (one thread):
 * at 100, the first ANALYZE of a 100,000-decision month took ~300 ms, at 10 ~30 ms (docs/operations.md).
 * Ten histogram buckets and ten common values per column are enough for the embedded store's
 * plans, which look rows up by key and index; a PostgreSQL server keeps its own setting.
 */
const embeddedStatisticsTarget = 10;

async function open(): Promise<PGlite> {
  const loadDataDir =
    setup.templatePath !== undefined && existsSync(setup.templatePath) ? new Blob([readFileSync(setup.templatePath)]) : undefined;
  // A data folder is flushed to stable storage on every commit unless fsync was turned off.
  const durable = setup.dataPath !== undefined && setup.fsyncCounters !== undefined;
  const storage = durable
    ? { fs: new DurableNodeFS(setup.dataPath!, new FsyncCounters(setup.fsyncCounters)), startParams: durableStartParams() }
    : { dataDir: setup.dataPath };
  return PGlite.create({
    ...storage,
    parsers: { 20: (value: string) => Number(value) },
    postgresqlconf: [...(setup.sharedBuffersMb === undefined ? [] : [`shared_buffers=${setup.sharedBuffersMb}MB`]), `default_statistics_target=${embeddedStatisticsTarget}`],
    ...(loadDataDir === undefined ? {} : { loadDataDir }),
  });
}

const opened = open();
opened.then(
  () => port.postMessage({ id: 0, ready: true } satisfies WorkerReply),
  (error: unknown) => port.postMessage({ id: 0, error: serializeError(error) } satisfies WorkerReply),
);

/** The session's `synchronous_commit`, switched here when a query asks for the other one (no round trip for it). */
let synchronousCommit = true;

port.on('message', (request: WorkerRequest) => {
  void (async () => {
    try {
      const pglite = await opened;
      if (request.kind === 'close') {
        await pglite.close();
        port.postMessage({ id: request.id, rows: [] } satisfies WorkerReply);
        return;
      }
      const params = request.params;
      if (request.shared !== undefined && setup.sharedMemory !== undefined) {
        params[request.shared.index] = Buffer.from(setup.sharedMemory, 0, request.shared.byteLength).toString('utf8');
      }
      if (request.synchronousCommit !== synchronousCommit) {
        await pglite.exec(`set synchronous_commit = ${request.synchronousCommit ? 'on' : 'off'}`);
        synchronousCommit = request.synchronousCommit;
      }
      const result = await queryInOneCall(pglite, request.sql, params);
      port.postMessage({ id: request.id, rows: result.rows, affectedRows: result.affectedRows } satisfies WorkerReply);
    } catch (error) {
      port.postMessage({ id: request.id, error: serializeError(error) } satisfies WorkerReply);
    }
  })();
});
