import type { paths } from '../api/schema';

/** A merchant as the admin API shows it (money as exact decimal strings). */
export type Merchant = paths['/v1/admin/merchants/{merchant_id}']['get']['responses'][200]['content']['application/json'];
/** live: decisions are acted on; shadow: scored and stored the same, the merchant only compares. */
export type MerchantMode = Merchant['mode'];
export const merchantModes: readonly MerchantMode[] = ['live', 'shadow'];
