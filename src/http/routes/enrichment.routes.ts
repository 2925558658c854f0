import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from '@sinclair/typebox';
import type { Database } from '../../platform/database-schema.js';
import type { Authenticator } from '../../tenants/authenticator.js';
import { ErrorResponse } from '../../contract/error-response.js';
import { EntityEnrichment } from '../../contract/enrichment.js';
import { findEntityResults } from '../../enrichment/enrichment.repository.js';
import { KycLookup } from '../../enrichment/kyc-lookup.js';
import { SentraError } from '../../errors/errors.js';
import { principalOf, requireRole } from '../auth.js';

/** A document's state as an analyst reads it: analysed, on its way, or given up (with the job to retry). */
function documentStatus(analysed: boolean, jobStatus: string | null): string {
  if (analysed) return 'ready';
  if (jobStatus === 'dead' || jobStatus === 'failed') return jobStatus;
  return 'pending';
}

/** `GET /v1/enrichment/{entity_id}`: an entity's KYC/KYB documents, their signals and evidence (analyst or admin). */
export function registerEnrichmentRoutes(app: FastifyInstance, authenticator: Authenticator, db: Kysely<Database>): void {
  const lookup = new KycLookup(db);
  app.get<{ Params: { entity_id: string } }>(
    '/v1/enrichment/:entity_id',
    {
      onRequest: requireRole(authenticator, ['analyst', 'admin']),
      schema: {
        tags: ['enrichment'],
        summary: "An entity's KYC/KYB enrichment: per document status, provider, signals, list matches and verified evidence",
        params: Type.Object({ entity_id: Type.String({ minLength: 1, maxLength: 256 }) }),
        response: { 200: EntityEnrichment, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const tenantId = principalOf(request).tenantId;
      const entityId = request.params.entity_id;
      const rows = await findEntityResults(db, tenantId, entityId);
      if (rows.length === 0) throw new SentraError('SENTRA_ERR_NOT_FOUND', `No KYC documents for entity ${entityId}`);
      const documents = rows.map((row) => {
        const analysed = row.provider !== null;
        const stored = (row.signals ?? null) as (Record<string, unknown> & { matches?: unknown[] }) | null;
        const { matches = [], ...signals } = stored ?? {};
        return {
          ref_key: row.ref_key,
          doc_hash: row.doc_hash,
          doc_s3_url: row.doc_s3_url,
          status: documentStatus(analysed, row.job_status),
          job_id: row.job_id,
          last_error: analysed ? null : row.last_error,
          provider: row.provider,
          llm_version: row.llm_version,
          analysed_at: row.analysed_at === null ? null : new Date(row.analysed_at).toISOString(),
          signals: stored === null ? null : signals,
          matches: matches as never[],
          evidence: (row.evidence ?? []) as never[],
          dropped_quotes: row.dropped_quotes ?? 0,
        };
      });
      const view = await lookup.lookup(tenantId, [], [entityId]);
      return {
        entity_id: entityId,
        status: documents.every((document) => document.status === 'ready') ? 'ready' : 'pending',
        signals: view.signals ?? null,
        documents,
      };
    },
  );
}
