/** What masking replaced, by kind (counted for the metrics and the job's log). */
export interface MaskingReport {
  documentNumbers: number;
  emails: number;
  phones: number;
  cards: number;
}

/** Luhn check: a 13-19 digit run that passes is treated as a card number. */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const cardCandidate = /\b\d(?:[ -]?\d){12,18}\b/g;
const labelledPhone = /\b(phone|tel|telephone|mobile|cell|fax)(\s*(?:no\.?|number)?\s*[:#-]?\s*)(\+?[\d][\d ().-]{5,}\d)/gi;
const internationalPhone = /(?<![\w+])(?:\+|00)\d{1,3}[ .-]?\(?\d{1,4}\)?(?:[ .-]?\d{2,4}){2,4}\b/g;
const labelledDocumentNumber =
  /\b((?:document|passport|id|identity|card|licen[cs]e|permit|registration|company|tax|national id|personal)\s*(?:number|no\.?|num\.?|#|nr\.?)\s*[:#-]?\s*)([A-Z0-9][A-Z0-9 <-]{3,24}[A-Z0-9])/gi;
/** Machine-readable zone lines of passports and ID cards (ICAO 9303). */
const mrzLine = /^[A-Z0-9<]{28,48}$/gm;
/** Letters and digits mixed, 6 to 20 long: how document numbers look when they carry no label. */
const bareIdentifier = /\b(?=[A-Z0-9]*\d{4})(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,20}\b/g;

/**
 * Masks what must not leave the process or be kept: document numbers (labelled, MRZ lines, bare
 * letter-digit identifiers), emails, phone numbers and card numbers (Luhn-checked). Dates, names
 * and addresses stay: the analysis needs them. Masking is applied before a text is stored and
 * before any provider sees it; evidence spans refer to the masked text.
 */
export function maskSensitiveText(text: string): { text: string; report: MaskingReport } {
  const report: MaskingReport = { documentNumbers: 0, emails: 0, phones: 0, cards: 0 };
  let masked = text.replace(mrzLine, () => {
    report.documentNumbers++;
    return '[mrz]';
  });
  masked = masked.replace(email, () => {
    report.emails++;
    return '[email]';
  });
  masked = masked.replace(cardCandidate, (match) => {
    const digits = match.replace(/\D/g, '');
    if (!passesLuhn(digits)) return match;
    report.cards++;
    return '[card]';
  });
  masked = masked.replace(labelledDocumentNumber, (_match, label: string) => {
    report.documentNumbers++;
    return `${label}[document-number]`;
  });
  masked = masked.replace(labelledPhone, (_match, label: string, separator: string) => {
    report.phones++;
    return `${label}${separator}[phone]`;
  });
  masked = masked.replace(internationalPhone, () => {
    report.phones++;
    return '[phone]';
  });
  masked = masked.replace(bareIdentifier, () => {
    report.documentNumbers++;
    return '[document-number]';
  });
  return { text: masked, report };
}
