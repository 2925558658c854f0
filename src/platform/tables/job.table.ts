import type { Json } from '../column-types.js';
import type { Generated } from 'kysely';

/** A row of `jobs` (migrations 0001 and 0040). */
export interface JobsTable {
  id: string;
  tenant_id: string;
  kind: string;
  dedupe_key: string;
  payload: Json<unknown>;
  status: string;
  attempts: Generated<number>;
  /** When a queued or failed job may run next; for a running job, when its lease expires. */
  run_after: Date;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
  /** The worker (process id and claim) holding the lease of a running job. */
  locked_by: Generated<string | null>;
  started_at: Generated<Date | null>;
  finished_at: Generated<Date | null>;
}
