import type { Billing } from '../contract/sentry.js';
import type { Charge } from './billing.repository.js';
import { money } from './money.js';

/**
 * The billing object of a paid call (seed 002): the one item with its fee, the balance left, and the
 * amount authorized and closed. A call is charged once, in its decision's statement, and answered
 * only once that committed, so both amounts are the fee (0 for a retry answered from the store).
 */
export function billingView(charge: Charge): Billing {
  const fee = money(charge.currency, charge.feeUnits);
  return {
    items: [{ feeType: charge.service, fee, completed: true }],
    remainingBalance: money(charge.currency, charge.balanceAfterUnits),
    amountAuthorized: fee,
    amountClosed: fee,
  };
}
