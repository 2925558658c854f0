import type { UsageLine } from './billing.repository.js';
import { unitsToDecimal } from './money.js';

/** A CSV field, quoted when it holds a separator, a quote or a line break; a leading formula character is defused. */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Usage lines as CSV (RFC 4180, header row, amounts as exact decimals in the merchant's currency). */
export function usageCsv(currency: string, lines: readonly UsageLine[]): string {
  const rows = [['usage_id', 'created_at', 'kind', 'service', 'reference', 'currency', 'amount', 'balance_after'].join(',')];
  for (const line of lines) {
    rows.push(
      [line.usageId, line.createdAt.toISOString(), line.kind, line.service ?? '', line.reference ?? '', currency, unitsToDecimal(line.amountUnits), unitsToDecimal(line.balanceAfterUnits)].map(field).join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}
