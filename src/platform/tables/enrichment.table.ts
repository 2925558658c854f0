import type { Generated } from 'kysely';
import type { Json } from '../column-types.js';

/** A ready enrichment of one document for a tenant (migration 0040): the cache behind `llm_status`. */
export interface EnrichmentResultsTable {
  tenant_id: string;
  /** The KYC reference key: doc_hash, or a SHA-256 of the URL or text. */
  ref_key: string;
  /** The entity the document was first analysed for. */
  entity_id: string;
  provider: string;
  llm_version: string;
  signals: Json<unknown>;
  evidence: Json<unknown>;
  /** What was read from the document (names, dates, directors), for cross-checks with other documents. */
  facts: Json<unknown>;
  /** Evidence items dropped because their quote was not found verbatim at their span. */
  dropped_quotes: number;
  created_at: Date;
  /** The list generation ({@link ScreeningListsTable}) its sanctions/PEP screening was done against (migration 0044). */
  screened_generation: Generated<number>;
}

/** One entry of an imported sanctions or PEP list. */
export interface SanctionEntriesTable {
  id: string;
  schema: string;
  name: string;
  aliases: Json<string[]>;
  birth_date: string | null;
  countries: Json<string[]>;
  sanctions: string;
  dataset: string;
  imported_at: Date;
}

/** A folded director name of an analysed document (migration 0042): the director-overlap lookup. */
export interface EnrichmentDirectorsTable {
  tenant_id: string;
  director_key: string;
  entity_id: string;
}

/** The one row of the lists' state (migration 0044): the generation every import that changes an entry bumps. */
export interface ScreeningListsTable {
  id: number;
  generation: number;
  changed_at: Date | null;
}
