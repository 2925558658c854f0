import { Type } from '@sinclair/typebox';
import { Evidence } from './risk-score.js';

/** One list entry matched by a screened name. */
const ScreeningHit = Type.Object({
  list: Type.String({ description: 'sanctions or pep.' }),
  entry_id: Type.String(),
  entry_name: Type.String(),
  matched_name: Type.String({ description: 'The list spelling (name or alias) that matched.' }),
  dataset: Type.String(),
  sanctions: Type.String(),
  screened_name: Type.String({ description: 'The name as written in the document or the entity record.' }),
  score: Type.Number({ minimum: 0, maximum: 1 }),
});

/** One document of an entity and its enrichment. */
const EnrichedDocument = Type.Object({
  ref_key: Type.String({ description: 'doc_hash, or SHA-256 of the URL or text: the cache key.' }),
  doc_hash: Type.Union([Type.String(), Type.Null()]),
  doc_s3_url: Type.Union([Type.String(), Type.Null()]),
  status: Type.String({
    description:
      'ready (analysed, screened against the current lists), rescreening (analysed, screened against older lists: its re-screen is queued; its stored findings still count), pending (job queued or running), failed (retrying) or dead (gave up; see the job).',
  }),
  job_id: Type.Union([Type.String(), Type.Null()]),
  last_error: Type.Union([Type.String(), Type.Null()]),
  provider: Type.Union([Type.String(), Type.Null()]),
  llm_version: Type.Union([Type.String(), Type.Null()]),
  analysed_at: Type.Union([Type.String(), Type.Null()]),
  signals: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], { description: 'Signal booleans, sanctions_score, flags.' }),
  matches: Type.Array(ScreeningHit),
  evidence: Type.Array(Evidence, {
    description: 'Verbatim quotes of the (masked) document, the entity name, or (kyc_document_facts, a re-screen after the text was deleted) the names read from the document, with start-end spans.',
  }),
  text: Type.Union([Type.String(), Type.Null()], {
    description: 'The masked document text that kyc_document quotes are spans of, while it is kept (SENTRA_KYC_TEXT_RETENTION_DAYS); null once deleted, or when the document came by doc_hash or doc_s3_url only.',
  }),
  dropped_quotes: Type.Integer({ description: 'Evidence items of the provider dropped because their quote was not at their span.' }),
});

/** `GET /v1/enrichment/{entity_id}` response. */
export const EntityEnrichment = Type.Object({
  entity_id: Type.String(),
  status: Type.String({ description: 'ready when every document is analysed and screened against the current lists, pending while one is queued, running or awaiting its re-screen, none without documents.' }),
  signals: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], { description: 'signals.kyc.* over all ready documents (what rules and the next score see).' }),
  documents: Type.Array(EnrichedDocument),
});
