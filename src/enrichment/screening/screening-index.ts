import { nameSimilarity } from './name-match.js';
import { nameTokens } from './normalize-name.js';
import { isPepEntry, type SanctionEntry } from './sanctions-csv.js';

/** A list entry that matches a screened name. */
export interface ScreeningMatch {
  readonly entry: SanctionEntry;
  /** The list spelling (name or alias) that matched best. */
  readonly matchedName: string;
  /** 0 to 1; at or above the threshold. */
  readonly score: number;
  readonly pep: boolean;
}

/** Names at or above this similarity are matches (tuned on test/fixtures/enrichment/name-variants.csv). */
export const matchThreshold = 0.91;

interface IndexedName {
  readonly entry: SanctionEntry;
  readonly spelling: string;
  readonly tokens: readonly string[];
}

/** Blocking key of a token: its first two characters (initials block on their letter). */
const blockKey = (token: string) => token.slice(0, 2);

/**
 * The lists in memory, indexed by token prefix so a name is compared only with entries that share
 * the beginning of at least one token (the full comparison is quadratic in tokens).
 */
export class ScreeningIndex {
  private readonly blocks = new Map<string, IndexedName[]>();
  private readonly byInitial = new Map<string, IndexedName[]>();

  constructor(
    readonly entries: readonly SanctionEntry[],
    /** The list generation these entries are (0: no import yet). */
    readonly generation = 0,
  ) {
    for (const entry of entries) {
      for (const spelling of [entry.name, ...entry.aliases]) {
        const indexed: IndexedName = { entry, spelling, tokens: nameTokens(spelling) };
        for (const key of new Set(indexed.tokens.map(blockKey))) {
          const block = this.blocks.get(key) ?? [];
          block.push(indexed);
          this.blocks.set(key, block);
        }
        for (const initial of new Set(indexed.tokens.map((token) => token[0]!))) {
          const block = this.byInitial.get(initial) ?? [];
          block.push(indexed);
          this.byInitial.set(initial, block);
        }
      }
    }
  }

  /**
   * The entries matching a name, best first (one per entry). A known birth date that contradicts
   * the entry's rules the entry out: same name, different person.
   */
  screen(name: string, birthDate?: string): ScreeningMatch[] {
    const tokens = nameTokens(name);
    if (tokens.length === 0) return [];
    const candidates = new Set<IndexedName>();
    for (const token of tokens) {
      const block = token.length === 1 ? this.byInitial.get(token) : this.blocks.get(blockKey(token));
      for (const candidate of block ?? []) candidates.add(candidate);
    }
    const best = new Map<string, ScreeningMatch>();
    for (const candidate of candidates) {
      const score = nameSimilarity(tokens, candidate.tokens);
      if (score < matchThreshold) continue;
      const entryBirth = candidate.entry.birthDate;
      if (birthDate !== undefined && entryBirth !== undefined && !birthDate.startsWith(entryBirth) && !entryBirth.startsWith(birthDate)) continue;
      const previous = best.get(candidate.entry.id);
      if (previous === undefined || previous.score < score) {
        best.set(candidate.entry.id, { entry: candidate.entry, matchedName: candidate.spelling, score: Math.round(score * 1000) / 1000, pep: isPepEntry(candidate.entry) });
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  }
}
