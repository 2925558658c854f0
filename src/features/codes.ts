import type { Channel, Direction, Psp, TransactionStatus } from '../contract/enums.js';

/*
 * Stable integer codes of categorical fields. A published code never changes meaning: new values
 * are appended with the next free number, nothing is renumbered or reused. 0 means "other /
 * unknown". Codes (not one-hot columns) are used because tree models split on them directly and
 * the catalogue stays stable when an enumeration grows. `satisfies Record<…>` makes a new enum
 * member without a code a compile error.
 */

/** Codes of `channel`. */
export const channelCodes = {
  card: 1,
  bank_transfer: 2,
  wallet: 3,
  crypto_offramp: 4,
  spei: 5,
  net_banking: 6,
  nequi: 7,
  pix: 8,
  oxxo_pay: 9,
  cash: 10,
} as const satisfies Record<Channel, number>;

/** Codes of `psp`. */
export const pspCodes = {
  stripe: 1,
  adyen: 2,
  checkout: 3,
  airwallex: 4,
  todaypay: 5,
  vamospago: 6,
  partner: 7,
} as const satisfies Record<Psp, number>;

/** Codes of `direction`. */
export const directionCodes = { pay_in: 1, pay: 2, pay_out: 3, payout: 4 } as const satisfies Record<Direction, number>;

/** Codes of `status`. */
export const statusCodes = {
  completed: 1,
  success: 2,
  approved: 3,
  pending: 4,
  failed: 5,
  error: 6,
  refunded: 7,
} as const satisfies Record<TransactionStatus, number>;

/** Browser families (from ua-parser-js names, case-insensitive; anything else is 1 = other). */
export const browserFamilyCodes: Readonly<Record<string, number>> = {
  chrome: 2,
  'chrome headless': 3,
  'chrome webview': 4,
  'mobile chrome': 2,
  safari: 5,
  'mobile safari': 5,
  firefox: 6,
  'mobile firefox': 6,
  edge: 7,
  opera: 8,
  'opera mini': 8,
  'opera touch': 8,
  'samsung internet': 9,
  ie: 10,
  iemobile: 10,
  'android browser': 11,
  ucbrowser: 12,
  yandex: 13,
  webkit: 14,
  instagram: 15,
  facebook: 16,
  brave: 17,
  vivaldi: 18,
  electron: 19,
  'miui browser': 20,
  huawei: 21,
};

/** Operating-system families (from ua-parser-js names; anything else is 1 = other). */
export const osFamilyCodes: Readonly<Record<string, number>> = {
  windows: 2,
  'mac os': 3,
  macos: 3,
  ios: 4,
  android: 5,
  linux: 6,
  ubuntu: 6,
  debian: 6,
  fedora: 6,
  'red hat': 6,
  'chrome os': 7,
  chromium_os: 7,
  harmonyos: 8,
  'windows phone': 9,
  freebsd: 10,
  openbsd: 10,
  tizen: 11,
  kaios: 12,
};

/** Device types of ua-parser-js; no type (the usual case for desktops) is 1 = desktop. */
export const deviceTypeCodes: Readonly<Record<string, number>> = {
  mobile: 2,
  tablet: 3,
  smarttv: 4,
  console: 5,
  wearable: 6,
  embedded: 7,
  xr: 8,
};

/**
 * Code of an ISO-3166 alpha-2 country: (first letter 1–26) × 32 + (second letter 1–26), e.g.
 * US = 21 × 32 + 19 = 691. Stable by construction; 0 when the input is not two letters A–Z.
 */
export function countryCode(country: string | undefined): number {
  if (country === undefined || country.length !== 2) return 0;
  const first = country.charCodeAt(0) - 64;
  const second = country.charCodeAt(1) - 64;
  if (first < 1 || first > 26 || second < 1 || second > 26) return 0;
  return first * 32 + second;
}

/** The two-letter country of every code `countryCode` can produce, for explanations. */
export const countryLabels: Readonly<Record<number, string>> = (() => {
  const labels: Record<number, string> = {};
  for (let first = 1; first <= 26; first++) {
    for (let second = 1; second <= 26; second++) labels[first * 32 + second] = String.fromCharCode(64 + first, 64 + second);
  }
  return labels;
})();

/** Code of `value` in `codes` (case-insensitive), `other` when unknown. */
export function lookupCode(codes: Readonly<Record<string, number>>, value: string, other: number): number {
  return codes[value.toLowerCase()] ?? other;
}
