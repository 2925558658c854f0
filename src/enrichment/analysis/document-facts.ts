/** A value read from a document, with where it stands in the text. */
export interface Located {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/** Where a text first holds a value, or undefined. */
export function locate(text: string | undefined, value: string): Located | undefined {
  const start = value === '' || text === undefined ? -1 : text.indexOf(value);
  return start < 0 ? undefined : { value, start, end: start + value.length };
}

/** What the built-in analyzer reads from a document's labelled lines ("Date of birth: 1970-02-03"). */
export interface DocumentFacts {
  readonly names: Located[];
  readonly birthDate: Located | undefined;
  readonly countries: Located[];
  readonly issueDate: Located | undefined;
  readonly expiryDate: Located | undefined;
  readonly companyName: Located | undefined;
  readonly incorporatedOn: Located | undefined;
  readonly addresses: Located[];
  readonly directors: Located[];
}

/** Labels of each field, as they appear on passports, ID cards and company registry extracts. */
const labels = {
  name: /^(?:full name|name|holder|holder's name|account holder|surname and given names?)$/,
  birthDate: /^(?:date of birth|dob|d\.o\.b\.?|born|birth date)$/,
  country: /^(?:nationality|country|citizenship|country of issue|issuing country|country of residence|jurisdiction|country of incorporation)$/,
  issueDate: /^(?:date of issue|issue date|issued|issued on)$/,
  expiryDate: /^(?:date of expiry|expiry date|expiry|expires|expires on|valid until|expiration date)$/,
  companyName: /^(?:company name|company|legal name|entity name|registered name)$/,
  incorporatedOn: /^(?:incorporated|incorporated on|date of incorporation|incorporation date|registration date|registered on)$/,
  address: /^(?:registered address|registered office|address|business address|residential address)$/,
  directors: /^(?:directors?|officers?|nominee directors?|shareholders?|beneficial owners?|ubo)$/,
} as const;

const linePattern = /^[ \t]*([A-Za-z][A-Za-z.' /()]{1,40}?)[ \t]*[:=][ \t]*(.+?)[ \t]*$/gm;

/** Splits a list value ("A. Smith; B. Jones and C. Doe") into located items. */
function splitList(value: Located): Located[] {
  const items: Located[] = [];
  const separator = /\s*(?:[;,]|\band\b|&)\s*/g;
  let from = 0;
  const text = value.value;
  const push = (start: number, end: number) => {
    const raw = text.slice(start, end);
    const trimmedStart = start + (raw.length - raw.trimStart().length);
    const trimmedEnd = end - (raw.length - raw.trimEnd().length);
    if (trimmedEnd > trimmedStart) items.push({ value: text.slice(trimmedStart, trimmedEnd), start: value.start + trimmedStart, end: value.start + trimmedEnd });
  };
  for (const match of text.matchAll(separator)) {
    push(from, match.index);
    from = match.index + match[0].length;
  }
  push(from, text.length);
  return items;
}

/** Reads the labelled facts of a document text. Unlabelled prose yields nothing: no guessing. */
export function readDocumentFacts(text: string): DocumentFacts {
  const facts = { names: [] as Located[], countries: [] as Located[], addresses: [] as Located[], directors: [] as Located[] } as {
    -readonly [K in keyof DocumentFacts]: DocumentFacts[K];
  };
  for (const match of text.matchAll(linePattern)) {
    const label = match[1]!.trim().toLowerCase();
    const raw = match[2]!;
    const start = match.index + match[0].indexOf(raw, match[0].indexOf(match[1]!) + match[1]!.length);
    const located: Located = { value: raw, start, end: start + raw.length };
    if (labels.name.test(label)) facts.names.push(located);
    else if (labels.birthDate.test(label)) facts.birthDate ??= located;
    else if (labels.country.test(label)) facts.countries.push(located);
    else if (labels.issueDate.test(label)) facts.issueDate ??= located;
    else if (labels.expiryDate.test(label)) facts.expiryDate ??= located;
    else if (labels.companyName.test(label)) facts.companyName ??= located;
    else if (labels.incorporatedOn.test(label)) facts.incorporatedOn ??= located;
    else if (labels.address.test(label)) facts.addresses.push(located);
    else if (labels.directors.test(label)) facts.directors.push(...splitList(located));
  }
  return facts;
}
