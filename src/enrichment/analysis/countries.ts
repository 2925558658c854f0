/**
 * Country names and ISO alpha-3 codes seen on documents, mapped to alpha-2. Not every country:
 * the common ones and those of the default high-risk list; an alpha-2 code is always understood.
 */
const countryCodes: Record<string, string> = {
  'united states': 'US', usa: 'US', 'united kingdom': 'GB', gbr: 'GB', britain: 'GB', germany: 'DE', deu: 'DE',
  france: 'FR', fra: 'FR', spain: 'ES', esp: 'ES', italy: 'IT', ita: 'IT', netherlands: 'NL', nld: 'NL',
  mexico: 'MX', mex: 'MX', brazil: 'BR', bra: 'BR', colombia: 'CO', col: 'CO', chile: 'CL', chl: 'CL',
  peru: 'PE', per: 'PE', argentina: 'AR', arg: 'AR', ecuador: 'EC', ecu: 'EC', singapore: 'SG', sgp: 'SG',
  'hong kong': 'HK', hkg: 'HK', indonesia: 'ID', idn: 'ID', taiwan: 'TW', twn: 'TW', india: 'IN', ind: 'IN',
  china: 'CN', chn: 'CN', russia: 'RU', 'russian federation': 'RU', rus: 'RU', ukraine: 'UA', ukr: 'UA',
  iran: 'IR', irn: 'IR', 'north korea': 'KP', prk: 'KP', myanmar: 'MM', mmr: 'MM', syria: 'SY', syr: 'SY',
  'british virgin islands': 'VG', vgb: 'VG', 'cayman islands': 'KY', cym: 'KY', panama: 'PA', pan: 'PA',
  cyprus: 'CY', cyp: 'CY', 'united arab emirates': 'AE', are: 'AE', seychelles: 'SC', syc: 'SC', belize: 'BZ', blz: 'BZ',
  canada: 'CA', can: 'CA', australia: 'AU', aus: 'AU', japan: 'JP', jpn: 'JP', switzerland: 'CH', che: 'CH',
};

/** The ISO alpha-2 code of a country as written on a document, or undefined when unknown. */
export function countryCode(value: string): string | undefined {
  const text = value.trim();
  if (/^[A-Za-z]{2}$/.test(text)) return text.toUpperCase();
  return countryCodes[text.toLowerCase().replace(/[^a-z ]/g, '').trim()];
}
