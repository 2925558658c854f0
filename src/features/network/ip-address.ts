/** A parsed IP address: IPv4 as one unsigned 32-bit number, IPv6 as eight 16-bit groups. */
export type ParsedIp = { readonly version: 4; readonly value: number } | { readonly version: 6; readonly groups: readonly number[] };

function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

function parseGroups(text: string): number[] | undefined {
  if (text === '') return [];
  const groups: number[] = [];
  const parts = text.split(':');
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (index === parts.length - 1 && part.includes('.')) {
      const ipv4 = parseIpv4(part);
      if (ipv4 === undefined) return undefined;
      groups.push(Math.floor(ipv4 / 65536), ipv4 % 65536);
    } else {
      if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return undefined;
      groups.push(parseInt(part, 16));
    }
  }
  return groups;
}

function parseIpv6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0]!);
  const tail = halves.length === 2 ? parseGroups(halves[1]!) : [];
  if (head === undefined || tail === undefined) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return undefined;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

/**
 * Parses an IPv4 or IPv6 address (an IPv6 zone suffix such as `%eth0` is ignored). IPv4-mapped
 * IPv6 addresses (`::ffff:1.2.3.4`) are returned as IPv4, so both spellings are one address.
 * Returns undefined for anything that is not an IP address.
 */
export function parseIp(input: string): ParsedIp | undefined {
  const text = input.trim();
  if (text.includes(':')) {
    const groups = parseIpv6(text.split('%')[0]!);
    if (groups === undefined) return undefined;
    if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
      return { version: 4, value: groups[6]! * 65536 + groups[7]! };
    }
    return { version: 6, groups };
  }
  const value = parseIpv4(text);
  return value === undefined ? undefined : { version: 4, value };
}

/** The canonical text of an address: dotted IPv4, or RFC 5952 IPv6 (lower case, longest zero run as `::`). */
export function formatIp(ip: ParsedIp): string {
  if (ip.version === 4) {
    return [24, 16, 8, 0].map((shift) => Math.floor(ip.value / 2 ** shift) % 256).join('.');
  }
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; ) {
    if (ip.groups[start] !== 0) {
      start++;
      continue;
    }
    let end = start;
    while (end < 8 && ip.groups[end] === 0) end++;
    if (end - start > bestLength) {
      bestStart = start;
      bestLength = end - start;
    }
    start = end;
  }
  const hex = ip.groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** The canonical text of `input`, or undefined when it is not an IP address. */
export function canonicalIp(input: string): string | undefined {
  const parsed = parseIp(input);
  return parsed === undefined ? undefined : formatIp(parsed);
}

/** IPv6 groups as four big-endian unsigned 32-bit words (for range comparisons). */
export function ipv6Words(groups: readonly number[]): number[] {
  return [0, 1, 2, 3].map((word) => groups[2 * word]! * 65536 + groups[2 * word + 1]!);
}
