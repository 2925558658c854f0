const months: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

const iso = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayFirst = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/;
const written = /^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$/;

/**
 * A document date as `YYYY-MM-DD`, or undefined when it is not one. Numeric dates are read day
 * first (07.03.2031, 07/03/2031), as on passports and registry extracts outside the US.
 */
export function parseDocumentDate(value: string): string | undefined {
  const text = value.trim();
  let parts: [number, number, number] | undefined;
  let match = iso.exec(text);
  if (match !== null) parts = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = dayFirst.exec(text)) !== null) parts = [Number(match[3]), Number(match[2]), Number(match[1])];
  else if ((match = written.exec(text)) !== null) {
    const month = months[match[2]!.toLowerCase()];
    if (month !== undefined) parts = [Number(match[3]), month, Number(match[1])];
  }
  if (parts === undefined) return undefined;
  const [year, month, day] = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}
