import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from '@sinclair/typebox';
import type { Database } from '../../platform/database-schema.js';
import type { Authenticator } from '../../tenants/authenticator.js';
import { ErrorResponse } from '../../contract/error-response.js';
import { EntityEnrichment } from '../../contract/enrichment.js';
import { entityEnrichment } from '../../enrichment/entity-enrichment.js';
import { KycLookup } from '../../enrichment/kyc-lookup.js';
import { SentraError } from '../../errors/errors.js';
import { principalOf, requireRole } from '../auth.js';

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
      const found = await entityEnrichment(db, lookup, tenantId, entityId);
      if (found === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `No KYC documents for entity ${entityId}`);
      return found;
    },
  );
}
