import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';

/** A registered model version of a tenant. */
export interface ModelVersionRow {
  version: string;
  artifactUri: string;
  featureSchema: unknown;
  metadata: Record<string, unknown>;
  createdBy: string;
  createdAt: Date;
}

/** Registers a version (idempotent: the same version registered twice keeps the first row). */
export async function insertModelVersion(db: Kysely<Database>, tenantId: string, row: ModelVersionRow): Promise<void> {
  await db
    .insertInto('model_versions')
    .values({
      tenant_id: tenantId,
      version: row.version,
      artifact_uri: row.artifactUri,
      feature_schema: JSON.stringify(row.featureSchema),
      metadata: JSON.stringify(row.metadata),
      created_by: row.createdBy,
      created_at: row.createdAt,
    })
    .onConflict((conflict) => conflict.columns(['tenant_id', 'version']).doNothing())
    .execute();
}

/** A tenant's versions, newest first. */
export async function listModelVersions(db: Kysely<Database>, tenantId: string): Promise<ModelVersionRow[]> {
  const rows = await db.selectFrom('model_versions').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').execute();
  return rows.map((row) => ({
    version: row.version,
    artifactUri: row.artifact_uri,
    featureSchema: row.feature_schema,
    metadata: row.metadata as Record<string, unknown>,
    createdBy: row.created_by,
    createdAt: row.created_at,
  }));
}

/** Whether a tenant has registered this version. */
export async function hasModelVersion(db: Kysely<Database>, tenantId: string, version: string): Promise<boolean> {
  const row = await db.selectFrom('model_versions').select('version').where('tenant_id', '=', tenantId).where('version', '=', version).executeTakeFirst();
  return row !== undefined;
}

/** Every tenant's active version. */
export async function readActiveVersions(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('active_models').select(['tenant_id', 'version']).execute();
  return new Map(rows.map((row) => [row.tenant_id, row.version]));
}

/** Points a tenant at a version. */
export async function writeActiveVersion(db: Kysely<Database>, tenantId: string, version: string, actor: string, at: Date): Promise<void> {
  await db
    .insertInto('active_models')
    .values({ tenant_id: tenantId, version, activated_by: actor, activated_at: at })
    .onConflict((conflict) => conflict.column('tenant_id').doUpdateSet({ version, activated_by: actor, activated_at: at }))
    .execute();
}
