import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.js';
import type { Authenticator } from '../../tenants/authenticator.js';
import type { AuditTrail } from '../../audit/audit-trail.js';
import { ValidationError } from '../../errors/errors.js';
import { ErrorResponse } from '../../contract/error-response.js';
import { AuditEntryList, AuditEntryListQuery, AuditExportLines, AuditExportQuery, AuditPublicKeyView, ChainReportView } from '../../contract/audit.js';
import { principalOf, requireRole } from '../auth.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

/** The audit trail for admins: browse the tenant's entries, verify the chain, export it signed, and the key that checks exports. */
export function registerAuditRoutes(app: FastifyInstance, authenticator: Authenticator, audit: AuditTrail, clock: Clock): void {
  const admin = requireRole(authenticator, ['admin']);
  app.get<{ Querystring: AuditEntryListQuery }>(
    '/v1/audit/entries',
    {
      onRequest: admin,
      schema: {
        tags: ['audit'],
        summary: "The tenant's audit entries newest first: filters by action, subject and time, cursor pages going older",
        querystring: AuditEntryListQuery,
        response: { 200: AuditEntryList, ...errors },
      },
    },
    async (request) => {
      const query = request.query;
      const from = query.from === undefined ? undefined : new Date(query.from);
      const to = query.to === undefined ? undefined : new Date(query.to);
      if (from !== undefined && to !== undefined && !(from.getTime() < to.getTime())) throw new ValidationError([{ code: 'range', path: '/querystring/to', message: 'to must be after from' }]);
      const filters = { action: query.action, subject: query.subject, from, to, before: query.cursor === undefined ? undefined : Number(query.cursor) };
      const page = await audit.entries(principalOf(request).tenantId, filters, Number(query.limit ?? 50));
      return { items: page.items, next_cursor: page.nextBefore === null ? null : String(page.nextBefore) };
    },
  );
  app.get(
    '/v1/audit/verify',
    {
      onRequest: admin,
      schema: {
        tags: ['audit'],
        summary: "Verify the tenant's audit chain: every link and hash, the recorded head, and the signed checkpoints (a removed tail is found)",
        response: { 200: ChainReportView, ...errors },
      },
    },
    async (request) => (await audit.verify(principalOf(request).tenantId))[0]!,
  );
  app.get<{ Querystring: AuditExportQuery }>(
    '/v1/audit/export',
    {
      onRequest: admin,
      schema: {
        tags: ['audit'],
        summary: "Stream the tenant's audit entries of a window as JSONL ending in a summary signed with the installation's key",
        querystring: AuditExportQuery,
        produces: ['application/x-ndjson'],
        response: { 200: AuditExportLines, ...errors },
      },
    },
    async (request, reply) => {
      const from = new Date(request.query.from);
      const to = request.query.to === undefined ? new Date(clock.now()) : new Date(request.query.to);
      if (!(from.getTime() < to.getTime())) throw new ValidationError([{ code: 'range', path: '/to', message: 'to must be after from' }]);
      const principal = principalOf(request);
      const lines = await audit.export(principal.tenantId, principal.tokenId, from, to);
      const name = `sentra-audit-${principal.tenantId}-${from.toISOString().slice(0, 10)}.jsonl`;
      return reply.type('application/x-ndjson; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(Readable.from(lines));
    },
  );
  app.get(
    '/v1/audit/public-key',
    {
      onRequest: admin,
      schema: { tags: ['audit'], summary: "The installation's audit public key, to check exports and checkpoints offline", response: { 200: AuditPublicKeyView, ...errors } },
    },
    async () => ({ key_id: audit.signer.keyId, public_key_pem: audit.signer.publicKeyPem }),
  );
}
