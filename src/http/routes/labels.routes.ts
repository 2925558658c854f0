import type { FastifyInstance } from 'fastify';
import type { Authenticator } from '../../tenants/authenticator.js';
import type { LabelService } from '../../labels/label.service.js';
import { SentraError } from '../../errors/errors.js';
import { ErrorResponse } from '../../contract/error-response.js';
import { LabelBatch, LabelOutcomeView } from '../../contract/labels.js';
import { principalOf, requireRole } from '../auth.js';

/** Parses an NDJSON body into the array the route validates; a bad line is reported by its index. */
function parseNdjson(text: string): unknown[] {
  const items: unknown[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      items.push(JSON.parse(line));
    } catch (error) {
      throw new SentraError('SENTRA_ERR_MALFORMED_JSON', `Line ${index + 1} is not JSON.`, { details: [{ code: 'json', path: `/${items.length}`, message: (error as Error).message }] });
    }
  });
  return items;
}

/** `POST /v1/labels`: labels from analysts, chargebacks, partners and early fraud warnings (analyst or admin). */
export async function registerLabelRoutes(app: FastifyInstance, authenticator: Authenticator, labels: LabelService): Promise<void> {
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-ndjson', { parseAs: 'string' }, (_request, body, done) => {
      try {
        done(null, parseNdjson(body as string));
      } catch (error) {
        done(error as Error, undefined);
      }
    });
    scope.post<{ Body: LabelBatch }>(
      '/v1/labels',
      {
        onRequest: requireRole(authenticator, ['analyst', 'admin']),
        schema: {
          tags: ['cases'],
          summary: 'Record labels (JSON array or application/x-ndjson, data contract v1 form); all or nothing',
          body: LabelBatch,
          response: { 200: LabelOutcomeView, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const records = request.body.map((item) => ({ txId: item.tx_id, label: item.label, labeledAt: Date.parse(item.labeled_at), source: item.source, reason: item.reason ?? '' }));
        return labels.record(principal.tenantId, records, principal.tokenId);
      },
    );
  });
}
