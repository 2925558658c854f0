import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { kycFeatureNames } from '../features/kyc-feature-values.js';

/**
 * The KYC/KYB features (docs/features.md) stored with the FIRST decision of each of these
 * transactions, by tx_id; transactions whose first decision saw no ready enrichment are left out.
 * The first decision is the one taken when the payment arrived, so an export never carries what an
 * enrichment finished later (no look-ahead); replay cannot recompute these (the data contract has
 * no enrichment results), so the export keeps them as `f_` overrides.
 */
export async function storedKycFeatures(db: Kysely<Database>, tenantId: string, txIds: readonly string[]): Promise<Map<string, Record<string, number>>> {
  const byTransaction = new Map<string, Record<string, number>>();
  if (txIds.length === 0) return byTransaction;
  const result = await sql<{ tx_id: string; kyc: Record<string, unknown> | null }>`
    select first.tx_id,
           (select jsonb_object_agg(f.key, f.value) from jsonb_each(sentra_feature_object(first.features, first.feature_list)) f
             where f.key in (${sql.join(kycFeatureNames)}) and jsonb_typeof(f.value) = 'number') as kyc
      from (select distinct on (tx_id) tx_id, features, feature_list from risk_scores
             where tenant_id = ${tenantId} and tx_id in (${sql.join(txIds)})
             order by tx_id, scored_at) first`.execute(db);
  for (const row of result.rows) {
    if (row.kyc === null) continue;
    const kyc = typeof row.kyc === 'string' ? (JSON.parse(row.kyc) as Record<string, unknown>) : row.kyc;
    const values: Record<string, number> = {};
    for (const [name, value] of Object.entries(kyc)) if (typeof value === 'number') values[name] = value;
    byTransaction.set(row.tx_id, values);
  }
  return byTransaction;
}
