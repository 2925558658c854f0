import { sql, type Kysely } from 'kysely';

/**
 * A decision's features are stored packed into one JSON string with the id of their list (the
 * values' shortest decimal forms joined by commas, an empty place for a missing one;
 * `packFeatureValues` in src/features/feature-lists.ts), instead of a JSON array of numbers. The
 * database parsed each of the array's ~120 numbers as a `numeric`: about 130 µs of the embedded
 * database's CPU per decision in `bench/features-column.ts`, and about 100 µs (an eighth of the
 * writer's) per decision of the server's own group commits; a string is read in one pass.
 *
 * The two accessors read all three forms: an object by name (no list, written before 0080), an
 * array (0080) and the packed string (a list, and a string). A packed value is turned back into a
 * JSON number from its own digits, so `sentra_feature_object` answers the same object as for an
 * array of the same values, and `sentra_feature_value` the same digits (`->>`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE OR REPLACE FUNCTION sentra_feature_object(jsonb, text) RETURNS jsonb LANGUAGE sql STABLE PARALLEL SAFE AS $$
      SELECT CASE WHEN $2 IS NULL THEN $1
                  WHEN jsonb_typeof($1) = 'string' THEN (
        SELECT coalesce(jsonb_object_agg(n.name, coalesce(nullif(p.packed[n.position::int], '')::jsonb, 'null'::jsonb)), '{}'::jsonb)
          FROM feature_lists AS l
               CROSS JOIN (SELECT string_to_array($1 #>> '{}', ',') AS packed) AS p
               CROSS JOIN LATERAL jsonb_array_elements_text(l.names) WITH ORDINALITY AS n(name, position)
         WHERE l.id = $2)
                  ELSE (
        SELECT coalesce(jsonb_object_agg(n.name, $1 -> (n.position::int - 1)), '{}'::jsonb)
          FROM feature_lists AS l CROSS JOIN LATERAL jsonb_array_elements_text(l.names) WITH ORDINALITY AS n(name, position)
         WHERE l.id = $2) END
    $$`,
    `CREATE OR REPLACE FUNCTION sentra_feature_value(jsonb, text, text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
      SELECT CASE WHEN $2 IS NULL THEN $1 ->> $3
                  WHEN jsonb_typeof($1) = 'string' THEN nullif(split_part($1 #>> '{}', ',', (SELECT (l.positions ->> $3)::int + 1 FROM feature_lists AS l WHERE l.id = $2)), '')
                  ELSE $1 ->> (SELECT (l.positions ->> $3)::int FROM feature_lists AS l WHERE l.id = $2) END
    $$`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
