import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Authenticator } from '../../tenants/authenticator.js';
import type { ListAdmin } from '../../rule-store/list-admin.js';
import { maxEntryPage } from '../../rule-store/list-admin.js';
import { parseEntriesCsv } from '../../rule-store/list-entries.js';
import { ErrorResponse } from '../../contract/error-response.js';
import { ListBody, ListDetailView, ListEntriesBody, ListEntriesDeleteBody, ListView, type ListEntryInput } from '../../contract/rules.js';
import { principalOf, requireRole } from '../auth.js';

const ListParams = Type.Object({ name: Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$' }) });
const EntryPageQuery = Type.Object(
  { after: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })), limit: Type.Optional(Type.String({ pattern: '^([1-9][0-9]{0,2}|1000)$', description: `1–${maxEntryPage}, default 100.` })) },
  { additionalProperties: false },
);
const EntriesOutcome = Type.Object({ received: Type.Integer(), written: Type.Integer(), list_version: Type.Integer() });
const DeleteOutcome = Type.Object({ deleted: Type.Integer(), list_version: Type.Integer() });
const ListDeleted = Type.Object({ name: Type.String(), deleted_entries: Type.Integer() });
/** Room for 1,000,000 entries with notes and expiries in one upload. */
const entriesBodyLimit = 256 * 1024 * 1024;

/** `/v1/lists`: the tenant's named lists and their entries (admin writes; analysts read). */
export async function registerListRoutes(app: FastifyInstance, authenticator: Authenticator, lists: ListAdmin): Promise<void> {
  const admin = requireRole(authenticator, ['admin']);
  const reader = requireRole(authenticator, ['analyst', 'admin']);
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
  await app.register(async (scope) => {
    // A CSV upload becomes the JSON body's shape, so one schema validates both.
    scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: entriesBodyLimit }, (_request, body, done) => {
      try {
        done(null, { entries: parseEntriesCsv(body as string) satisfies ListEntryInput[] });
      } catch (error) {
        done(error as Error, undefined);
      }
    });
    scope.post<{ Body: ListBody }>(
      '/v1/lists',
      { onRequest: admin, schema: { tags: ['rules'], summary: 'Create a named list', body: ListBody, response: { 201: ListView, ...errors, 413: ErrorResponse, 415: ErrorResponse } } },
      async (request, reply) => {
        const principal = principalOf(request);
        return reply.code(201).send(await lists.create(principal.tenantId, request.body, principal.tokenId));
      },
    );
    scope.get(
      '/v1/lists',
      { onRequest: reader, schema: { tags: ['rules'], summary: "The tenant's lists", response: { 200: Type.Object({ lists: Type.Array(ListView) }), ...errors } } },
      async (request) => ({ lists: await lists.all(principalOf(request).tenantId) }),
    );
    scope.get<{ Params: Static<typeof ListParams>; Querystring: Static<typeof EntryPageQuery> }>(
      '/v1/lists/:name',
      {
        onRequest: reader,
        schema: { tags: ['rules'], summary: 'A list with a page of its live entries, by value', params: ListParams, querystring: EntryPageQuery, response: { 200: ListDetailView, ...errors, 404: ErrorResponse } },
      },
      async (request) => lists.detail(principalOf(request).tenantId, request.params.name, request.query.after, Number(request.query.limit ?? 100)),
    );
    scope.post<{ Params: Static<typeof ListParams>; Body: Static<typeof ListEntriesBody> }>(
      '/v1/lists/:name/entries',
      {
        onRequest: admin,
        bodyLimit: entriesBodyLimit,
        schema: {
          tags: ['rules'],
          summary: 'Add entries (JSON, or text/csv with a value,note,expires_at header), up to 1,000,000; all or nothing',
          params: ListParams,
          body: ListEntriesBody,
          response: { 200: EntriesOutcome, ...errors, 404: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return lists.addEntries(principal.tenantId, request.params.name, request.body.entries, principal.tokenId);
      },
    );
    scope.delete<{ Params: Static<typeof ListParams> }>(
      '/v1/lists/:name',
      {
        onRequest: admin,
        schema: {
          tags: ['rules'],
          summary: 'Delete a whole list and its entries (409 while a rule that is not archived names it)',
          params: ListParams,
          response: { 200: ListDeleted, ...errors, 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return lists.delete(principal.tenantId, request.params.name, principal.tokenId);
      },
    );
    scope.delete<{ Params: Static<typeof ListParams>; Body: Static<typeof ListEntriesDeleteBody> }>(
      '/v1/lists/:name/entries',
      {
        onRequest: admin,
        bodyLimit: entriesBodyLimit,
        schema: { tags: ['rules'], summary: 'Remove entries by value', params: ListParams, body: ListEntriesDeleteBody, response: { 200: DeleteOutcome, ...errors, 404: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse } },
      },
      async (request) => {
        const principal = principalOf(request);
        return lists.removeEntries(principal.tenantId, request.params.name, request.body.values, principal.tokenId);
      },
    );
  });
}
