/** What the database worker is started with. */
export interface WorkerSetup {
  /** Data folder, or undefined for an in-memory database. */
  dataPath: string | undefined;
  /** Template to unpack when the data folder is new (see pglite-template.ts). */
  templatePath: string | undefined;
  /** Memory shared with the client, through which large text parameters travel (see {@link SharedParameter}). */
  sharedMemory?: SharedArrayBuffer;
  /**
   * Present when the data folder is flushed to stable storage on commit (see durable-node-fs.ts):
   * the counters of the fsync calls made. Absent, PostgreSQL runs with fsync off.
   */
  fsyncCounters?: SharedArrayBuffer;
  /** PostgreSQL's `shared_buffers` in MB (default PostgreSQL's own, 128). */
  sharedBuffersMb?: number;
}

/**
 * A text parameter the client wrote as UTF-8 at the start of the shared memory instead of sending
 * it in the message: posting a large string copies it through a freshly allocated buffer on every
 * call, which under load costs far more than the copy itself. Only the one query in flight may use it.
 */
export interface SharedParameter {
  /** Index of the parameter in `params` (sent as null). */
  index: number;
  /** Bytes written. */
  byteLength: number;
}

/** A request to the database worker. */
export type WorkerRequest =
  | {
      kind: 'query';
      id: number;
      sql: string;
      params: unknown[];
      shared?: SharedParameter;
      /** False: the worker runs this query with `synchronous_commit = off` (a commit that does not wait for its flush). */
      synchronousCommit: boolean;
    }
  | { kind: 'close'; id: number };

/** The worker's answer to request `id` (id 0 announces that the database is open). */
export interface WorkerReply {
  id: number;
  ready?: boolean;
  rows?: unknown[];
  affectedRows?: number;
  error?: { message: string; code?: string; severity?: string; detail?: string; hint?: string; constraint?: string; table?: string };
}
