/**
 * How a merchant's calls act: `live` answers decisions the merchant acts on; `shadow` scores and
 * stores exactly the same way while the merchant only compares (seed 000), and is billed the same.
 */
export const merchantModes = ['live', 'shadow'] as const;
/** A merchant's mode. */
export type MerchantMode = (typeof merchantModes)[number];
