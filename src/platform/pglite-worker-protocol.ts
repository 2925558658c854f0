/** What the database worker is started with. */
export interface WorkerSetup {
  /** Data folder, or undefined for an in-memory database. */
  dataPath: string | undefined;
  /** Template to unpack when the data folder is new (see pglite-template.ts). */
  templatePath: string | undefined;
}

/** A request to the database worker. */
export type WorkerRequest =
  | { kind: 'query'; id: number; sql: string; params: unknown[] }
  | { kind: 'close'; id: number };

/** The worker's answer to request `id` (id 0 announces that the database is open). */
export interface WorkerReply {
  id: number;
  ready?: boolean;
  rows?: unknown[];
  affectedRows?: number;
  error?: { message: string; code?: string; severity?: string; detail?: string; hint?: string; constraint?: string; table?: string };
}
