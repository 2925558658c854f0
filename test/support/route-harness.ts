import { sql, type Kysely } from 'kysely';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { accessOf, type RouteAccess } from '../../src/http/route-access.js';
import { errorCatalogue } from '../../src/errors/errors.js';
import type { Database } from '../../src/platform/database-schema.js';
import type { JsonSchema } from './schema-arbitrary.js';
import { expectSentryErrorShape } from './merchants.js';

/** One method of one route of the server, as the harnesses walk it. */
export interface HarnessRoute {
  readonly method: string;
  readonly url: string;
  /** The declared access; undefined is a failure of the access harness. */
  readonly access: RouteAccess | undefined;
  readonly body: JsonSchema | undefined;
  readonly querystring: JsonSchema | undefined;
  readonly params: JsonSchema | undefined;
  /** Statuses the route documents (its response schema), or undefined when it documents none. */
  readonly documented: readonly number[] | undefined;
  /** Hidden from the OpenAPI document (the document itself, the reference pages). */
  readonly hidden: boolean;
}

/**
 * Every route the server registered (from its route table, so a route added tomorrow is walked
 * without anyone listing it), one entry per method. HEAD routes that Fastify derives from GET are
 * left out: they run the same hooks and handler.
 */
export function routesOf(app: FastifyInstance): HarnessRoute[] {
  const routes: HarnessRoute[] = [];
  for (const route of app.routeTable) {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const schema = (route.schema ?? {}) as { body?: JsonSchema; querystring?: JsonSchema; params?: JsonSchema; response?: Record<string, unknown>; hide?: boolean };
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({
        method,
        url: route.url,
        access: accessOf(route),
        body: schema.body,
        querystring: schema.querystring,
        params: schema.params,
        documented: schema.response === undefined ? undefined : Object.keys(schema.response).map(Number),
        hidden: schema.hide === true,
      });
    }
  }
  return routes;
}

/** The names of a route's path parameters (`*` for a wildcard). */
export function pathParameters(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z0-9_]+)|\*/g)].map((match) => match[1] ?? '*');
}

/** The route's URL with every parameter replaced (URL-encoded) by the value given for it, or by `fallback`. */
export function fillPath(url: string, values: Record<string, string>, fallback = 'x'): string {
  return url.replace(/:([A-Za-z0-9_]+)|\*/g, (_whole, name: string | undefined) => encodeURIComponent(values[name ?? '*'] ?? fallback));
}

/** A route's name in reports: `GET /v1/decisions/:request_id`. */
export function routeName(route: Pick<HarnessRoute, 'method' | 'url'>): string {
  return `${route.method} ${route.url}`;
}

/** Checks a 4xx/5xx body is the one documented error shape, with a catalogue code. */
export function expectErrorShape(response: LightMyRequestResponse, where: string): void {
  let body: { error?: { code?: unknown; message?: unknown; request_id?: unknown; details?: unknown } };
  try {
    body = response.json();
  } catch {
    throw new Error(`${where}: ${response.statusCode} without a JSON error body: ${response.body.slice(0, 200)}`);
  }
  expect(Object.keys(errorCatalogue), `${where}: error code`).toContain(body.error?.code);
  expect(typeof body.error?.message, `${where}: error message`).toBe('string');
  expect(typeof body.error?.request_id, `${where}: request_id`).toBe('string');
  expect(Array.isArray(body.error?.details), `${where}: details`).toBe(true);
}

let tableList: string[] | undefined;
/** The last fingerprint read, with the snapshot it was read in. */
let lastRead: { db: Kysely<Database>; snapshot: string; fingerprint: string } | undefined;

/**
 * A fingerprint of everything a request could have written: the row count of every table of the
 * current schema and every tenant's audit-chain head, read in one query. Equal fingerprints
 * before and after a rejected request prove it wrote no row and appended no audit entry.
 *
 * What a query sees is decided by its snapshot: the transactions that had committed when it
 * started (`pg_current_snapshot()`: every id below xmax not listed as in progress). Rows are
 * inserted and deleted only by transactions that take an id, and one that commits moves xmax or
 * leaves the in-progress list, so while the snapshot reads the same, no row was inserted or deleted
 * and the counts read under it stand. The counts (about 60 of them, partitions included) are read
 * again only when the snapshot moved: most rejected requests commit nothing.
 */
export async function databaseFingerprint(db: Kysely<Database>): Promise<string> {
  tableList ??= (
    await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)
  ).rows.map((row) => row.table_name);
  if (lastRead?.db === db) {
    const now = await sql<{ snapshot: string }>`select pg_current_snapshot()::text as snapshot`.execute(db);
    if (now.rows[0]!.snapshot === lastRead.snapshot) return lastRead.fingerprint;
  }
  const counts = tableList.map((table) => sql`(select count(*) from ${sql.table(table)})`);
  const head = sql`(select string_agg(tenant_id || ':' || seq || ':' || hash, ',' order by tenant_id) from (select distinct on (tenant_id) tenant_id, seq, hash from audit_log order by tenant_id, seq desc) heads)`;
  const result = await sql<{ snapshot: string; fingerprint: string }>`select pg_current_snapshot()::text as snapshot, concat_ws('|', ${sql.join([...counts, head], sql`, `)}) as fingerprint`.execute(db);
  const { snapshot, fingerprint } = result.rows[0]!;
  lastRead = { db, snapshot, fingerprint: `${tableList.join(',')}=${fingerprint}` };
  return lastRead.fingerprint;
}

/** Forgets the cached table list (a test app with another schema). */
export function resetFingerprintTables(): void {
  tableList = undefined;
  lastRead = undefined;
}

/**
 * The identifiers a tenant's rows hold that no other tenant's rows hold: every string of an `id`
 * or `*_id` column of a tenant-owned table (and the tenant id itself). A response to another
 * tenant that contains one of them shows this tenant's data.
 */
export async function tenantMarkers(db: Kysely<Database>, tenantId: string): Promise<Set<string>> {
  const tables = (
    await sql<{ table_name: string }>`select table_name from information_schema.columns where table_schema = current_schema() and column_name = 'tenant_id'`.execute(db)
  ).rows.map((row) => row.table_name);
  const mine = new Set<string>([tenantId]);
  const others = new Set<string>();
  for (const table of tables) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows;
    for (const row of rows) {
      const target = row.tenant_id === tenantId ? mine : others;
      for (const [column, value] of Object.entries(row)) {
        if (column === 'tenant_id' || typeof value !== 'string' || value.length < 6) continue;
        if (column === 'id' || column.endsWith('_id')) target.add(value);
      }
    }
  }
  for (const value of others) mine.delete(value);
  return mine;
}

/** Checks a 4xx/5xx body is the error shape the route declares (the one error body, or a merchant contract's own). */
export function expectRouteErrorShape(route: HarnessRoute, response: LightMyRequestResponse, where: string): void {
  if (route.access?.kind === 'merchant-key' && route.access.errorBody === 'sentry') expectSentryErrorShape(response, where, Object.keys(errorCatalogue));
  else if (route.access?.kind === 'merchant-key' && route.access.errorBody === 'pipeline') expectSentryErrorShape(response, where, Object.keys(errorCatalogue), 'pipelineResponse');
  else expectErrorShape(response, where);
}

/** The catalogue code of an error answer, whichever shape the route answers in. */
export function errorCodeOf(response: LightMyRequestResponse): string | undefined {
  const body = response.json() as { error?: { code?: string }; errors?: { code?: string }[] };
  return body.error?.code ?? body.errors?.[0]?.code;
}
