/**
 * What the offline IP databases say about one address. This derived observation is what Sentra
 * may keep (persisted with the decision, replayed on rebuild); the raw address never is.
 */
export interface NetworkObservation {
  /** ISO-3166 alpha-2 country of the address (DB-IP), upper case. */
  readonly country: string | undefined;
  /** Approximate location of the address in degrees (DB-IP city level). */
  readonly latitude: number | undefined;
  readonly longitude: number | undefined;
  /** Autonomous system announcing the address (RouteViews / RIRs / DB-IP). */
  readonly asn: number | undefined;
  readonly asnOrganization: string | undefined;
  /** True when the ASN belongs to a cloud, hosting or datacenter provider; undefined when the ASN is unknown. */
  readonly hosting: boolean | undefined;
}

/**
 * Synchronous IP intelligence lookup used by the feature definitions. The offline implementation
 * is in offline-network-signals.ts; tests pass a small table (`tableNetworkSignals`).
 */
export interface NetworkSignals {
  /** Undefined when the text is not an IP address or no database knows it. */
  lookup(ipAddress: string): NetworkObservation | undefined;
}

/** A NetworkSignals backed by a fixed table keyed by address text, for tests and fixtures. */
export function tableNetworkSignals(table: Readonly<Record<string, NetworkObservation>>): NetworkSignals {
  return { lookup: (ipAddress) => table[ipAddress.trim()] };
}
