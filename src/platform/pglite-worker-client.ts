import type { Worker } from 'node:worker_threads';
import type { PGlite, PGliteQueryResults, PGliteTransaction } from 'kysely';
import { startModuleWorker } from './module-worker.js';
import type { SharedParameter, WorkerReply, WorkerRequest, WorkerSetup } from './pglite-worker-protocol.js';

/** Text parameters at least this long travel through shared memory when they fit. */
const sharedParameterMinLength = 16 * 1024;
/** Size of the shared memory (virtual until used). */
const sharedMemoryBytes = 64 * 1024 * 1024;

interface Pending {
  resolve(reply: WorkerReply): void;
  reject(error: Error): void;
}

function toError(reply: NonNullable<WorkerReply['error']>): Error {
  return Object.assign(new Error(reply.message), reply);
}

/**
 * The embedded database running in its own worker thread, with the face Kysely's PGlite dialect
 * expects. Callers must not interleave transactions (SerializedPGliteDialect lends the one
 * connection to one caller at a time); queries are answered in the order they were sent.
 */
export class WorkerPGlite implements PGlite {
  closed = false;
  ready = false;
  readonly waitReady: Promise<void>;
  /** Resolves with the cause when the worker stops without close(): the database is gone for this process. */
  readonly lost: Promise<Error>;
  private readonly pending = new Map<number, Pending>();
  private closing = false;
  private nextId = 1;

  private constructor(
    private readonly worker: Worker,
    private readonly sharedMemory: Buffer,
  ) {
    this.waitReady = new Promise<void>((resolve, reject) => {
      this.pending.set(0, {
        resolve: (reply) => {
          if (reply.error !== undefined) reject(toError(reply.error));
          else {
            this.ready = true;
            resolve();
          }
        },
        reject,
      });
    });
    worker.on('message', (reply: WorkerReply) => {
      const pending = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      pending?.resolve(reply);
    });
    let reportLost: (error: Error) => void = () => undefined;
    this.lost = new Promise<Error>((resolve) => (reportLost = resolve));
    const fail = (error: Error) => {
      const stopped = new Error(`PGlite is closed: the database worker stopped (${error.message})`);
      this.failAll(stopped);
      if (!this.closing) reportLost(stopped);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
  }

  /** Starts the worker and waits until the database is open. */
  static async open(setup: WorkerSetup, heapLimitMb?: number): Promise<WorkerPGlite> {
    const sharedMemory = new SharedArrayBuffer(sharedMemoryBytes);
    const worker = startModuleWorker(import.meta.url, './pglite-worker', {
      workerData: { ...setup, sharedMemory } satisfies WorkerSetup,
      ...(heapLimitMb === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: heapLimitMb } }),
    });
    const client = new WorkerPGlite(worker, Buffer.from(sharedMemory));
    try {
      await client.waitReady;
    } catch (error) {
      client.closing = true;
      await client.worker.terminate();
      throw error;
    }
    return client;
  }

  private failAll(error: Error): void {
    this.closed = true;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  /** Moves the largest text parameter into shared memory when no other request is in flight and it fits. */
  private shareLargeParameter(params: unknown[]): { params: unknown[]; shared?: SharedParameter } {
    if (this.pending.size > 0) return { params };
    const index = params.findIndex((value) => typeof value === 'string' && value.length >= sharedParameterMinLength);
    if (index < 0) return { params };
    const text = params[index] as string;
    // UTF-8 needs at most 3 bytes per UTF-16 unit: check before writing so nothing is cut.
    if (text.length * 3 > this.sharedMemory.length && Buffer.byteLength(text, 'utf8') > this.sharedMemory.length) return { params };
    const byteLength = this.sharedMemory.write(text, 0, 'utf8');
    const copy = [...params];
    copy[index] = null;
    return { params: copy, shared: { index, byteLength } };
  }

  /**
   * Whether the queries sent from now on commit with a flush to stable storage (the default) or
   * without waiting for it (`synchronous_commit = off`: the background holders of the connection,
   * see serialized-pglite-dialect.ts). The worker switches the session setting itself.
   */
  setSynchronousCommit(on: boolean): void {
    this.synchronousCommit = on;
  }

  private synchronousCommit = true;

  private send(request: { kind: 'query'; sql: string; params: unknown[] } | { kind: 'close' }): Promise<WorkerReply> {
    if (this.closed) return Promise.reject(new Error('PGlite is closed'));
    const id = this.nextId++;
    return new Promise<WorkerReply>((resolve, reject) => {
      const message: WorkerRequest =
        request.kind === 'query' ? { ...request, ...this.shareLargeParameter(request.params), id, synchronousCommit: this.synchronousCommit } : { ...request, id };
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(message);
    });
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<PGliteQueryResults<T>> {
    const reply = await this.send({ kind: 'query', sql, params });
    if (reply.error !== undefined) throw toError(reply.error);
    return { rows: (reply.rows ?? []) as T[], affectedRows: reply.affectedRows, fields: [] };
  }

  async transaction<T>(callback: (transaction: PGliteTransaction) => Promise<T>): Promise<T> {
    const begun = await this.query('BEGIN').then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    if (begun !== undefined) {
      // The callback runs all the same, with every query failing as BEGIN did: Kysely's PGlite
      // driver waits for the callback to start before it goes on, and would otherwise wait forever
      // (holding the one connection) when the database is gone.
      const failing: PGliteTransaction = { query: () => Promise.reject(begun), rollback: async () => undefined };
      await callback(failing).catch(() => undefined);
      throw begun;
    }
    let rolledBack = false;
    const transaction: PGliteTransaction = {
      query: (sql, params) => this.query(sql, params),
      rollback: async () => {
        rolledBack = true;
        await this.query('ROLLBACK');
      },
    };
    try {
      const result = await callback(transaction);
      if (!rolledBack) await this.query('COMMIT');
      return result;
    } catch (error) {
      if (!rolledBack && !this.closed) await this.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.closed) return;
    await this.send({ kind: 'close' }).catch(() => undefined);
    this.closed = true;
    await this.worker.terminate();
  }
}
