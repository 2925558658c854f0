import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database-schema.js';
import { PermanentJobError } from '../../jobs/job-runner.js';

/** The UTC day of a moment, as the budget counts it. */
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/**
 * A tenant's daily token budget with a language-model provider, counted in the database so every
 * worker process shares it. A call is refused once the day's spending reached the budget; the call
 * that crosses it is counted in full (its size is bounded by the answer's token limit).
 */
export class TokenBudget {
  constructor(
    private readonly db: Kysely<Database>,
    /** Tokens per tenant per UTC day. */
    readonly dailyTokens: number,
  ) {}

  /** Tokens the tenant spent on the day of `at`. */
  async spent(tenantId: string, at: Date): Promise<number> {
    const row = await this.db.selectFrom('llm_usage').select('tokens').where('tenant_id', '=', tenantId).where('day', '=', dayOf(at)).executeTakeFirst();
    return row === undefined ? 0 : Number(row.tokens);
  }

  /** Throws when the tenant has nothing left today: the job is dead-lettered with the reason, to be retried from the admin API. */
  async assertAvailable(tenantId: string, at: Date): Promise<void> {
    const spent = await this.spent(tenantId, at);
    if (spent >= this.dailyTokens) {
      throw new PermanentJobError(
        `tenant ${tenantId} spent its language-model budget of ${this.dailyTokens} tokens for ${dayOf(at)} (SENTRA_LLM_TENANT_DAILY_TOKENS); retry the job after 00:00 UTC`,
      );
    }
  }

  /** Adds a call's tokens to the tenant's day. */
  async record(tenantId: string, at: Date, tokens: number): Promise<void> {
    await this.db
      .insertInto('llm_usage')
      .values({ tenant_id: tenantId, day: dayOf(at), tokens, calls: 1 })
      .onConflict((conflict) =>
        conflict.columns(['tenant_id', 'day']).doUpdateSet({ tokens: sql`llm_usage.tokens + excluded.tokens`, calls: sql`llm_usage.calls + 1` }),
      )
      .execute();
  }
}
