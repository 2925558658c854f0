import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { LruCache } from '../platform/lru-cache.js';
import { SentraError } from '../errors/errors.js';
import type { BillableService } from '../contract/merchant-admin.js';
import { findMerchant, type Merchant } from './merchant.repository.js';
import { isDecided } from '../scoring/decision.repository.js';

const key = (merchant: Merchant) => `${merchant.tenantId}\u0000${merchant.merchantId}`;

/** The balance (and overdraft) covers the fee; an unpriced service is never covered (as in the charge). */
function covers(balanceUnits: number, merchant: Merchant, service: BillableService): boolean {
  const fee = merchant.fees[service];
  return typeof fee === 'number' && balanceUnits - fee >= -merchant.overdraftUnits;
}

/**
 * The cheap check before a merchant call is scored: a merchant whose balance is known not to cover
 * the fee is refused (402) before anything is scored, profiled or stored. The fee itself is taken by
 * the conditional UPDATE in the decision's statement (migration 0077), which alone decides; this
 * check only saves the work for a merchant already out of money.
 *
 * It holds per merchant the last balance this process saw (after its own charges, else the
 * authenticated merchant's, at most a few seconds old). A figure too high lets a call through to
 * the authoritative check; a figure too low (money added since, here or in another process) would
 * refuse wrongly, so a refusal is always confirmed on the merchant's row first. The one case left:
 * a call that passes this check and then loses the race for the last of the balance is scored (its
 * features observed) and answered 402, with nothing stored or charged.
 */
export class BalanceGate {
  private readonly known: LruCache<string, number>;

  constructor(
    private readonly db: Kysely<Database>,
    maxEntries = 10_000,
  ) {
    this.known = new LruCache(maxEntries);
  }

  /**
   * Throws SENTRA_ERR_PAYMENT_REQUIRED when the merchant's balance, read just now, does not cover the
   * fee, unless the call was answered before (same transaction id and body): a retry is answered
   * from the store and not billed again, whatever the balance.
   */
  async admit(merchant: Merchant, service: BillableService, call: { txId: string; digest: string }): Promise<void> {
    if (covers(this.known.get(key(merchant)) ?? merchant.balanceUnits, merchant, service)) return;
    const current = await findMerchant(this.db, merchant.tenantId, merchant.merchantId);
    if (current === undefined) throw new SentraError('SENTRA_ERR_PAYMENT_REQUIRED');
    this.known.set(key(merchant), current.balanceUnits);
    if (covers(current.balanceUnits, current, service)) return;
    if (await isDecided(this.db, merchant.tenantId, call.txId, call.digest)) return;
    throw new SentraError('SENTRA_ERR_PAYMENT_REQUIRED');
  }

  /** The balance after a fee this process took. */
  observe(merchant: Merchant, balanceUnits: number): void {
    this.known.set(key(merchant), balanceUnits);
  }

  /** A call lost the race for the balance: the next one confirms on the merchant's row. */
  exhausted(merchant: Merchant): void {
    this.known.set(key(merchant), Number.NEGATIVE_INFINITY);
  }
}
