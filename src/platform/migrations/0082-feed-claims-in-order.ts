import { sql, type Kysely } from 'kysely';

/**
 * The feed processor's claim takes the oldest settled pending events of the inbox, in event-time
 * order, up to its limit. Planned as a plain statement, its plan followed what the planner knew of
 * the inbox: with few pending rows in its statistics (a new inbox, or one analyzed while it kept up)
 * it chose a bitmap scan of every pending row and a sort, so each claim read the whole backlog. With
 * 42,000 events waiting, one claim of 256 took 43 ms (49 ms with its update) on the embedded
 * database, growing with the backlog, while every acknowledgement waited for the one connection.
 *
 * The claim is now the function `sentra_claim_feed_events`, with bitmap scans, sequential scans
 * and sorts off inside it: its one plan walks the pending index (event time, id) in order and stops
 * at the limit, so a claim costs what it takes, whatever the backlog. It returns only the columns
 * the processor reads (not the PSP's verdict, the error or the claim itself).
 *
 * The outcomes of a pass (`sentra_finish_feed_events`) join the pass's JSON document to the inbox by
 * id. The planner cannot see how few rows a JSON document holds (it assumes 100): on an inbox
 * without statistics it hashed the document and read the whole inbox, 3,000 rows for a pass of 256
 * with a backlog of 3,000. Hash joins, merge joins and sequential scans are off inside it, so each
 * outcome probes the primary key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE FUNCTION sentra_claim_feed_events(owner text, max_events integer, settled_before timestamptz, at timestamptz, until timestamptz)
       RETURNS TABLE (id text, tenant_id text, merchant_id text, psp text, event_id text, event_time timestamptz, received_at timestamptz, item jsonb)
       LANGUAGE sql
       SET enable_bitmapscan = off SET enable_seqscan = off SET enable_sort = off
       AS $fn$
         UPDATE feed_inbox AS f
            SET claimed_by = owner, claimed_until = until
           FROM (SELECT p.id FROM feed_inbox AS p
                  WHERE p.status = 'pending'
                    AND p.received_at <= settled_before
                    AND (p.claimed_until IS NULL OR p.claimed_until < at)
                  ORDER BY p.event_time, p.id
                  LIMIT max_events
                  FOR UPDATE SKIP LOCKED) AS due
          WHERE f.id = due.id
         RETURNING f.id, f.tenant_id, f.merchant_id, f.psp, f.event_id, f.event_time, f.received_at, f.item
       $fn$`,
    `CREATE FUNCTION sentra_finish_feed_events(outcomes jsonb) RETURNS void
       LANGUAGE sql
       SET enable_hashjoin = off SET enable_mergejoin = off SET enable_seqscan = off
       AS $fn$
         UPDATE feed_inbox AS f
            SET status = r.status, decision_id = r.decision_id, error = r.error, processed_at = r.processed_at, claimed_by = NULL, claimed_until = NULL
           FROM jsonb_to_recordset(outcomes) AS r(id text, status text, decision_id text, error text, processed_at timestamptz)
          WHERE f.id = r.id
       $fn$`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
