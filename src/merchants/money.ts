/**
 * Money of the merchant APIs: integer units of 1/10,000 of a currency unit (four decimal places,
 * as the confidence API's billing shows `0.0500`). Arithmetic is on integers only; a decimal is
 * produced at the edge, from the integer, so no binary-float rounding ever reaches a balance.
 */
export const unitsPerCurrencyUnit = 10_000;

/** A decimal amount (number or decimal string, at most 4 decimals) as integer units; undefined when it is not one. */
export function toUnits(amount: number | string): number | undefined {
  const text = typeof amount === 'number' ? (Number.isFinite(amount) ? amount.toFixed(6) : '') : amount.trim();
  const match = /^(-?)(\d{1,12})(?:\.(\d{1,6}))?$/.exec(text);
  if (match === null) return undefined;
  const fraction = (match[3] ?? '').padEnd(6, '0');
  if (!/^\d{4}0{2}$/.test(fraction)) return undefined;
  const units = Number(match[2]) * unitsPerCurrencyUnit + Number(fraction.slice(0, 4));
  return match[1] === '-' ? -units : units;
}

/** Integer units as a JSON number with at most 4 decimals (exact: the decimal printed is the one stored). */
export function unitsToAmount(units: number): number {
  return Number(unitsToDecimal(units));
}

/** Integer units as a decimal string with exactly 4 decimals (`"0.0500"`). */
export function unitsToDecimal(units: number): string {
  const sign = units < 0 ? '-' : '';
  const absolute = Math.abs(units);
  return `${sign}${Math.floor(absolute / unitsPerCurrencyUnit)}.${String(absolute % unitsPerCurrencyUnit).padStart(4, '0')}`;
}

/** A money object of the confidence API: `{ currency, amount }`. */
export interface MoneyView {
  currency: string;
  amount: number;
}

/** The money object of `units` in `currency`. */
export function money(currency: string, units: number): MoneyView {
  return { currency, amount: unitsToAmount(units) };
}
