import { evidenceAt, evidenceSources, type EvidenceItem } from '../evidence.js';
import { directorKey, documentNamesToScreen, entityNameToScreen, screenNames } from './screen-names.js';
import { nameSimilarity } from '../screening/name-match.js';
import { nameTokens } from '../screening/normalize-name.js';
import type { ScreeningIndex } from '../screening/screening-index.js';
import type { AnalysisInput, EnrichmentProvider, ProviderAnalysis, ScreeningHit, SignalKey } from './analysis.js';
import { countryCode } from './countries.js';
import { parseDocumentDate } from './dates.js';
import { readDocumentFacts, type Located } from './document-facts.js';

/** Version of the built-in rules; part of llm_version, so cached answers show which rules made them. */
export const builtinRulesVersion = '1';

/** A company younger than this at analysis time is "recently incorporated". */
const recentIncorporationDays = 365;
/** Below this similarity the document's name is not the entity's. */
const sameNameThreshold = 0.8;

const shellKeywords = /\b(shell compan(?:y|ies)|nominee (?:director|shareholder)s?|nominee|bearer shares?|mailbox compan(?:y|ies)|letterbox compan(?:y|ies)|shelf compan(?:y|ies))\b/gi;
const registeredAgent = /\b(c\/o|care of|registered agents?|corporate services?|formation agents?|trust compan(?:y|ies)|p\.?\s?o\.?\s?box)\b/gi;

/** What the built-in analyzer needs besides the document. */
export interface BuiltinAnalyzerOptions {
  /** The lists at the given generation or a later one (reloaded when an import changed them). */
  readonly screening: (generation: number) => Promise<ScreeningIndex>;
  /** ISO alpha-2 codes of high-risk jurisdictions. */
  readonly highRiskCountries: readonly string[];
}

/**
 * The embedded default provider: deterministic and offline. Screens the document's names (holder,
 * company, directors) and the entity's stored name against the imported sanctions and PEP lists,
 * checks the document's dates and its agreement with the entity, and looks for KYB red flags.
 * Every signal it raises quotes the text it comes from.
 */
export class BuiltinAnalyzer implements EnrichmentProvider {
  readonly name = 'builtin';
  readonly version = `builtin:rules-${builtinRulesVersion}`;

  constructor(private readonly options: BuiltinAnalyzerOptions) {}

  async analyze(input: AnalysisInput): Promise<ProviderAnalysis> {
    const text = input.documentText ?? '';
    const facts = readDocumentFacts(text);
    const evidence: EvidenceItem[] = [];
    const signals: Partial<Record<SignalKey, boolean>> = {};
    const raise = (key: SignalKey, located: Located) => {
      signals[key] = true;
      evidence.push(evidenceAt(evidenceSources.document, key, text, located.start, located.end));
    };
    const birthDate = facts.birthDate === undefined ? undefined : parseDocumentDate(facts.birthDate.value);
    const matches = await this.screen(input, facts.names, facts.companyName, facts.directors, birthDate, evidence, signals);
    const asOf = input.asOf.toISOString().slice(0, 10);
    const expiry = facts.expiryDate === undefined ? undefined : parseDocumentDate(facts.expiryDate.value);
    if (expiry !== undefined && expiry < asOf) raise('document_expired', facts.expiryDate!);
    const issue = facts.issueDate === undefined ? undefined : parseDocumentDate(facts.issueDate.value);
    if (issue !== undefined && (issue > asOf || (expiry !== undefined && issue >= expiry))) raise('document_dates_invalid', facts.issueDate!);
    if (input.entity.name !== undefined && facts.names.length > 0) {
      const entityTokens = nameTokens(input.entity.name);
      const best = Math.max(...facts.names.map((name) => nameSimilarity(entityTokens, nameTokens(name.value))));
      if (best < sameNameThreshold) raise('name_mismatch', facts.names[0]!);
    }
    const documentCountries = facts.countries.map((located) => ({ located, code: countryCode(located.value) })).filter((item) => item.code !== undefined);
    const entityCountry = input.entity.country?.toUpperCase();
    if (entityCountry !== undefined && documentCountries.length > 0 && !documentCountries.some((item) => item.code === entityCountry)) {
      raise('country_mismatch', documentCountries[0]!.located);
    }
    for (const { located, code } of documentCountries) {
      if (this.options.highRiskCountries.includes(code!)) raise('high_risk_jurisdiction', located);
    }
    for (const address of facts.addresses) {
      const lastPart = address.value.split(',').at(-1)!.trim();
      const code = countryCode(lastPart);
      if (code !== undefined && this.options.highRiskCountries.includes(code)) {
        const start = address.start + address.value.lastIndexOf(lastPart);
        raise('high_risk_jurisdiction', { value: lastPart, start, end: start + lastPart.length });
      }
    }
    const incorporated = facts.incorporatedOn === undefined ? undefined : parseDocumentDate(facts.incorporatedOn.value);
    if (incorporated !== undefined && incorporated <= asOf && Date.parse(asOf) - Date.parse(incorporated) < recentIncorporationDays * 86_400_000) {
      raise('recently_incorporated', facts.incorporatedOn!);
    }
    for (const match of [...text.matchAll(shellKeywords)].slice(0, 5)) raise('shell_keywords', { value: match[0], start: match.index, end: match.index + match[0].length });
    for (const match of [...text.matchAll(registeredAgent)].slice(0, 5)) raise('registered_agent_address', { value: match[0], start: match.index, end: match.index + match[0].length });
    const directors = facts.directors.map((director) => director.value);
    return {
      signals,
      matches,
      evidence,
      facts: {
        names: facts.names.map((name) => name.value),
        birth_date: birthDate,
        company_name: facts.companyName?.value,
        directors,
        director_keys: directors.map(directorKey).filter((key) => key !== ''),
      },
    };
  }

  /** Screens every name the document and the entity give, adding a match and its evidence per hit. */
  private async screen(
    input: AnalysisInput,
    names: readonly Located[],
    companyName: Located | undefined,
    directors: readonly Located[],
    birthDate: string | undefined,
    evidence: EvidenceItem[],
    signals: Partial<Record<SignalKey, boolean>>,
  ): Promise<ScreeningHit[]> {
    const screened = [
      ...documentNamesToScreen({ names, birthDate, companyName, directors }, (located) => ({ located, source: evidenceSources.document })),
      ...entityNameToScreen(input.entity.name),
    ];
    const texts = { [evidenceSources.document]: input.documentText ?? '', [evidenceSources.entityName]: input.entity.name };
    return screenNames(await this.options.screening(input.listGeneration), texts, screened, evidence, signals);
  }
}
