import { sql, type Kysely } from 'kysely';

/**
 * Decisions (`risk_scores`, one row per decision with its score) are partitioned by month of the
 * payment's `created_at`, declaratively, on PostgreSQL and PGlite alike:
 *
 * - the partition key is the new column `tx_month`, the first instant (UTC) of the payment's
 *   `created_at` month, not `scored_at`: where the request carries `created_at` (the scoring API,
 *   feeds), the request digest covers it, so the idempotency index
 *   (tenant, tx_id, request digest, tx_month) is as unique as the former one without the key, and a
 *   retry lands in the partition of its first answer, whenever it comes. Where the server stamps
 *   the payment (merchant front doors), a retry in the same month still meets its first answer;
 * - the primary key becomes (id, tx_month); ids stay unique (random ULIDs), and a lookup by id
 *   probes each month's primary key index;
 * - `risk_scores_default` takes payments of months without a partition (an old backfill, or a
 *   partition not created in time); `sentra_month_partition(parent, month)` creates a month's
 *   partition, moving that month's rows out of the default partition, and names its indexes after
 *   the parent's (`risk_scores_p2026_01_request`...). The maintenance sweep calls it ahead of time.
 *
 * Existing decisions are copied; their `tx_month` is the month of the stored payment's `created_at`
 * (the latest body of its tx_id), or of the scoring time when no payment row is left.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE FUNCTION sentra_month_partition(parent text, month date) RETURNS boolean LANGUAGE plpgsql AS $fn$
     DECLARE
       first timestamptz := date_trunc('month', month)::timestamp AT TIME ZONE 'UTC';
       next timestamptz := (date_trunc('month', month) + interval '1 month')::timestamp AT TIME ZONE 'UTC';
       part text := parent || '_p' || to_char(date_trunc('month', month), 'YYYY_MM');
       key text;
       parent_index record;
     BEGIN
       PERFORM pg_advisory_xact_lock(hashtext('sentra_month_partition'));
       IF to_regclass(part) IS NOT NULL THEN RETURN false; END IF;
       SELECT a.attname INTO key FROM pg_partitioned_table p
         JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
        WHERE p.partrelid = parent::regclass;
       EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS)', part, parent);
       EXECUTE format('WITH moved AS (DELETE FROM %I WHERE %I >= %L AND %I < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
         parent || '_default', key, first, key, next, part);
       FOR parent_index IN
         SELECT c.relname, pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
          WHERE i.indrelid = parent::regclass AND NOT i.indisprimary
       LOOP
         EXECUTE regexp_replace(parent_index.definition, ' INDEX \\S+ ON ONLY \\S+ ',
           format(' INDEX %I ON %I ', part || substr(parent_index.relname, length(parent) + 1), part));
       END LOOP;
       EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', parent, part, first, next);
       RETURN true;
     END $fn$`,
    `ALTER TABLE risk_scores RENAME TO risk_scores_unpartitioned`,
    `ALTER INDEX risk_scores_request RENAME TO risk_scores_unpartitioned_request`,
    `ALTER INDEX risk_scores_by_transaction RENAME TO risk_scores_unpartitioned_by_transaction`,
    `CREATE TABLE risk_scores (
       LIKE risk_scores_unpartitioned INCLUDING DEFAULTS,
       tx_month timestamptz NOT NULL,
       PRIMARY KEY (id, tx_month)) PARTITION BY RANGE (tx_month)`,
    `CREATE INDEX risk_scores_by_transaction ON risk_scores (tenant_id, tx_id, scored_at)`,
    `CREATE UNIQUE INDEX risk_scores_request ON risk_scores (tenant_id, tx_id, request_digest, tx_month) WHERE first_of_request`,
    `CREATE TABLE risk_scores_default (LIKE risk_scores INCLUDING DEFAULTS)`,
    `CREATE INDEX risk_scores_default_by_transaction ON risk_scores_default (tenant_id, tx_id, scored_at)`,
    `CREATE UNIQUE INDEX risk_scores_default_request ON risk_scores_default (tenant_id, tx_id, request_digest, tx_month) WHERE first_of_request`,
    `ALTER TABLE risk_scores ATTACH PARTITION risk_scores_default DEFAULT`,
    `INSERT INTO risk_scores
       SELECT s.*, date_trunc('month', coalesce(t.created_at, s.scored_at) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' FROM risk_scores_unpartitioned s
         LEFT JOIN transactions t ON t.tenant_id = s.tenant_id AND t.tx_id = s.tx_id`,
    `DROP TABLE risk_scores_unpartitioned`,
    // The months that hold decisions, and this month and the next two.
    `SELECT sentra_month_partition('risk_scores', month::date) FROM (
       SELECT DISTINCT date_trunc('month', tx_month AT TIME ZONE 'UTC') AS month FROM risk_scores
       UNION SELECT date_trunc('month', now() AT TIME ZONE 'UTC') + step * interval '1 month' FROM generate_series(0, 2) AS step) AS months
     ORDER BY month`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
