/** What the ready KYC/KYB enrichments of one party (all its analysed documents) say, as its features read it. */
export interface PartyKyc {
  /** Best sanctions or PEP list match score of a verified match (0-1), 0 when none. */
  readonly screeningScore: number;
  readonly sanctionsMatch: boolean;
  readonly pepMatch: boolean;
  /** Distinct document checks failed (expired, invalid dates, name or country mismatch): 0-4. */
  readonly documentFailures: number;
  /** Distinct KYB red flags raised (recently incorporated, shell keywords, registered-agent address, director overlap): 0-4. */
  readonly kybRedFlags: number;
  readonly highRiskJurisdiction: boolean;
}

/** Ready enrichments by entity id: the scoring path's one lookup, handed to the engine (ObserveContext.kyc). */
export type KycByEntity = ReadonlyMap<string, PartyKyc>;
