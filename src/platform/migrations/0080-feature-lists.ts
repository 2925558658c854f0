import { sql, type Kysely } from 'kysely';
import { replaceInFunction } from './function-edit.js';

/**
 * A decision's features are stored as an array of values with the id of their list of names,
 * instead of an object by name. With ~120 features, the object cost the embedded database about
 * 130 µs more per decision than the array (`bench/features-column.ts`), more than any other part of
 * a decision's row.
 * - `feature_lists`: one row per list of names (its id is a hash of the names, so every process
 *   derives the same one), with each name's position for lookups by name. A list is written by the
 *   first group commit that uses it, in the same statement (`ON CONFLICT DO NOTHING`).
 * - `risk_scores.feature_list`: the list of the row's `features` array; null when `features` is an
 *   object by name (every row written before, or by a writer without lists).
 * - `sentra_feature_object(features, list)`: the features as an object by name, whichever form the
 *   row holds; `sentra_feature_value(features, list, name)`: one feature's value as text (`->>`).
 *   Every reader goes through them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE feature_lists (
      id text PRIMARY KEY,
      names jsonb NOT NULL,
      positions jsonb NOT NULL)`,
    `ALTER TABLE risk_scores ADD COLUMN feature_list text`,
    `CREATE FUNCTION sentra_feature_object(jsonb, text) RETURNS jsonb LANGUAGE sql STABLE PARALLEL SAFE AS $$
      SELECT CASE WHEN $2 IS NULL THEN $1 ELSE (
        SELECT coalesce(jsonb_object_agg(n.name, $1 -> (n.position::int - 1)), '{}'::jsonb)
          FROM feature_lists AS l CROSS JOIN LATERAL jsonb_array_elements_text(l.names) WITH ORDINALITY AS n(name, position)
         WHERE l.id = $2) END
    $$`,
    `CREATE FUNCTION sentra_feature_value(jsonb, text, text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
      SELECT CASE WHEN $2 IS NULL THEN $1 ->> $3 ELSE $1 ->> (SELECT (l.positions ->> $3)::int FROM feature_lists AS l WHERE l.id = $2) END
    $$`,
    replaceInFunction(
      'sentra_write_decision_rows(jsonb)',
      `  score_rows AS (`,
      `  list_rows AS (
    INSERT INTO feature_lists
    SELECT * FROM jsonb_populate_recordset(NULL::feature_lists, doc->'featureLists')
    ON CONFLICT (id) DO NOTHING
    RETURNING 1),
  score_rows AS (`,
    ),
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
