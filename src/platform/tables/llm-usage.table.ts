import type { BigIntColumn } from '../column-types.js';

/** Tokens a tenant spent with a language-model provider on one UTC day (migration 0041). */
export interface LlmUsageTable {
  tenant_id: string;
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  tokens: BigIntColumn;
  calls: number;
}
