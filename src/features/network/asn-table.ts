import { isHostingAsn } from './hosting-asns.js';
import { ipv6Words, type ParsedIp } from './ip-address.js';

/** The autonomous system of an address. */
export interface AsnMatch {
  readonly asn: number;
  readonly organization: string | undefined;
  readonly hosting: boolean;
}

/** Sorted, non-overlapping inclusive ranges; IPv6 bounds are four 32-bit words each. */
export interface AsnRanges {
  readonly ipv4Starts: Uint32Array;
  readonly ipv4Ends: Uint32Array;
  readonly ipv4Asns: Uint32Array;
  readonly ipv6Starts: Uint32Array;
  readonly ipv6Ends: Uint32Array;
  readonly ipv6Asns: Uint32Array;
  readonly organizations: ReadonlyMap<number, string>;
}

/** Compares the IPv6 words at `index` (stride 4) with `words`: negative, zero or positive. */
function compareWords(array: Uint32Array, index: number, words: readonly number[]): number {
  for (let word = 0; word < 4; word++) {
    const difference = array[index * 4 + word]! - words[word]!;
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * IP → ASN lookup by binary search over compact typed arrays (about 11 MB for the full
 * RouteViews + DB-IP table), with the hosting flag decided once per ASN at load.
 */
export class AsnTable {
  private readonly hostingByAsn = new Map<number, boolean>();

  constructor(readonly ranges: AsnRanges) {
    for (const [asn, organization] of ranges.organizations) this.hostingByAsn.set(asn, isHostingAsn(asn, organization));
  }

  /** Number of IPv4 and IPv6 ranges. */
  get size(): { ipv4: number; ipv6: number } {
    return { ipv4: this.ranges.ipv4Asns.length, ipv6: this.ranges.ipv6Asns.length };
  }

  /** The AS announcing `ip`, or undefined when no range covers it. */
  lookup(ip: ParsedIp): AsnMatch | undefined {
    const asn = ip.version === 4 ? this.findIpv4(ip.value) : this.findIpv6(ipv6Words(ip.groups));
    if (asn === undefined || asn === 0) return undefined;
    const organization = this.ranges.organizations.get(asn);
    return { asn, organization, hosting: this.hostingByAsn.get(asn) ?? isHostingAsn(asn, organization) };
  }

  private findIpv4(value: number): number | undefined {
    const { ipv4Starts: starts, ipv4Ends: ends, ipv4Asns: asns } = this.ranges;
    let low = 0;
    let high = starts.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (starts[middle]! <= value) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found >= 0 && value <= ends[found]! ? asns[found] : undefined;
  }

  private findIpv6(words: readonly number[]): number | undefined {
    const { ipv6Starts: starts, ipv6Ends: ends, ipv6Asns: asns } = this.ranges;
    let low = 0;
    let high = asns.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (compareWords(starts, middle, words) <= 0) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found >= 0 && compareWords(ends, found, words) >= 0 ? asns[found] : undefined;
  }
}
