/** Cyrillic and Greek letters to Latin (the common passport transliterations, ICAO 9303 style). */
const transliteration: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia', і: 'i', ї: 'i', є: 'ie', ґ: 'g',
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x',
  ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
  // Latin letters that Unicode decomposition leaves alone.
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i',
};

/**
 * Spelling variants of one sound across transliteration systems (Yevgeny / Evgeniy / Jewgeni,
 * Mohammed / Muhammad, Aleksandr / Alexander), folded to one skeleton so Jaro-Winkler compares
 * sounds rather than conventions. Applied to single tokens, in order.
 */
const foldings: readonly [RegExp, string][] = [
  [/^ye/, 'e'],
  [/^je/, 'e'],
  [/ks/g, 'x'],
  [/kh/g, 'h'],
  [/ph/g, 'f'],
  [/ck/g, 'k'],
  [/w/g, 'v'],
  [/j/g, 'y'],
  [/(iy|ii|y)$/, 'i'],
  [/y/g, 'i'],
  [/ou/g, 'u'],
  [/(.)\1/g, '$1'],
];

/** A name's comparable form: Latin lowercase letters and digits, diacritics and punctuation removed. */
export function normalizeName(name: string): string {
  const lowered = name.toLowerCase();
  let latin = '';
  for (const character of lowered) latin += transliteration[character] ?? character;
  return latin
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The name's tokens after transliteration and spelling folding (order kept; the matcher ignores it). */
export function nameTokens(name: string): string[] {
  const tokens: string[] = [];
  for (const token of normalizeName(name).split(' ')) {
    if (token === '') continue;
    let folded = token;
    for (const [pattern, replacement] of foldings) folded = folded.replace(pattern, replacement);
    tokens.push(folded);
  }
  return tokens;
}
