import type { AsnRanges } from './asn-table.js';
import { ipv6Words, parseIp } from './ip-address.js';

/*
 * Converts the @ip-location-db/asn CSV files (`start,end,asn,organization`, organisation possibly
 * quoted with "" escapes) into sorted typed arrays. Pure: the caller reads the files.
 */

function organizationField(raw: string): string {
  if (!raw.startsWith('"')) return raw;
  return raw.slice(1, raw.endsWith('"') ? -1 : undefined).replaceAll('""', '"');
}

/** Calls `row` with the first three fields and the organisation of every non-empty line. */
function eachRow(text: string, row: (start: string, end: string, asn: number, organization: string) => void): void {
  let position = 0;
  while (position < text.length) {
    let lineEnd = text.indexOf('\n', position);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(position, text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd);
    position = lineEnd + 1;
    const first = line.indexOf(',');
    const second = line.indexOf(',', first + 1);
    const third = line.indexOf(',', second + 1);
    if (first < 0 || second < 0 || third < 0) continue;
    row(line.slice(0, first), line.slice(first + 1, second), Number(line.slice(second + 1, third)), organizationField(line.slice(third + 1)));
  }
}

function sortedOrder(count: number, compare: (left: number, right: number) => number): number[] {
  const order = Array.from({ length: count }, (_, index) => index);
  for (let index = 1; index < count; index++) {
    if (compare(index - 1, index) > 0) return order.sort(compare);
  }
  return order;
}

/** Builds ASN ranges from the text of `asn-ipv4-num.csv` and `asn-ipv6.csv`. */
export function parseAsnCsv(ipv4NumericCsv: string, ipv6Csv: string): AsnRanges {
  const organizations = new Map<number, string>();
  const ipv4: number[] = [];
  eachRow(ipv4NumericCsv, (start, end, asn, organization) => {
    ipv4.push(Number(start), Number(end), asn);
    if (organization !== '' && !organizations.has(asn)) organizations.set(asn, organization);
  });
  const ipv6: number[] = [];
  eachRow(ipv6Csv, (start, end, asn, organization) => {
    const low = parseIp(start);
    const high = parseIp(end);
    if (low?.version !== 6 || high?.version !== 6) return;
    ipv6.push(...ipv6Words(low.groups), ...ipv6Words(high.groups), asn);
    if (organization !== '' && !organizations.has(asn)) organizations.set(asn, organization);
  });
  const ipv4Count = ipv4.length / 3;
  const ipv4Order = sortedOrder(ipv4Count, (left, right) => ipv4[left * 3]! - ipv4[right * 3]!);
  const ipv6Count = ipv6.length / 9;
  const ipv6Order = sortedOrder(ipv6Count, (left, right) => {
    for (let word = 0; word < 4; word++) {
      const difference = ipv6[left * 9 + word]! - ipv6[right * 9 + word]!;
      if (difference !== 0) return difference;
    }
    return 0;
  });
  const ranges = {
    ipv4Starts: new Uint32Array(ipv4Count),
    ipv4Ends: new Uint32Array(ipv4Count),
    ipv4Asns: new Uint32Array(ipv4Count),
    ipv6Starts: new Uint32Array(ipv6Count * 4),
    ipv6Ends: new Uint32Array(ipv6Count * 4),
    ipv6Asns: new Uint32Array(ipv6Count),
    organizations,
  };
  ipv4Order.forEach((row, index) => {
    ranges.ipv4Starts[index] = ipv4[row * 3]!;
    ranges.ipv4Ends[index] = ipv4[row * 3 + 1]!;
    ranges.ipv4Asns[index] = ipv4[row * 3 + 2]!;
  });
  ipv6Order.forEach((row, index) => {
    for (let word = 0; word < 4; word++) {
      ranges.ipv6Starts[index * 4 + word] = ipv6[row * 9 + word]!;
      ranges.ipv6Ends[index * 4 + word] = ipv6[row * 9 + 4 + word]!;
    }
    ranges.ipv6Asns[index] = ipv6[row * 9 + 8]!;
  });
  return ranges;
}
