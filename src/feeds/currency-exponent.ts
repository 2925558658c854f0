/**
 * Decimal places of a currency's minor unit as each PSP counts it. PSPs send amounts in minor
 * units; the transaction contract holds major units, so 1000 JPY is 1000, 1000 USD cents is 10.00,
 * and 1000 KWD fils is 1.000. ISO 4217 gives the default; PSPs differ on a few currencies.
 */
const iso4217Exceptions: Readonly<Record<string, number>> = {
  // No minor unit.
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  // Three decimals.
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  // Four decimals.
  CLF: 4, UYW: 4,
};

/**
 * Where a PSP departs from ISO 4217 (each PSP's currency table). Stripe: ISK, HUF and TWD amounts
 * carry two decimals, MGA none. Adyen: CLP and ISK carry two decimals, CVE none. Checkout.com
 * follows ISO 4217.
 */
const pspExceptions: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  stripe: { ISK: 2, HUF: 2, TWD: 2, MGA: 0 },
  adyen: { CLP: 2, ISK: 2, CVE: 0 },
};

/** Decimal places of `currency`'s minor unit as `psp` sends it. */
export function minorUnitExponent(psp: string, currency: string): number {
  const code = currency.toUpperCase();
  return pspExceptions[psp]?.[code] ?? iso4217Exceptions[code] ?? 2;
}

/** A PSP's minor-unit integer amount in major units, exactly as a decimal (no binary drift past the exponent). */
export function fromMinorUnits(psp: string, amount: number, currency: string): number {
  const exponent = minorUnitExponent(psp, currency);
  return Number((amount / 10 ** exponent).toFixed(exponent));
}
