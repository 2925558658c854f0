import type { AsnRanges } from './asn-table.js';

/*
 * A compact binary form of the ASN ranges, written once to the data directory so later starts load
 * in milliseconds instead of parsing ~60 MB of CSV. Layout (little-endian): magic, five uint32
 * counts/lengths, the six Uint32Arrays in AsnRanges order, then the organisations as UTF-8 JSON
 * [[asn, name], …]. Pure: the caller reads and writes the file.
 */

const magic = 'SNTRASN1';
const hostIsLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Serializes ranges to bytes. */
export function serializeAsnRanges(ranges: AsnRanges): Uint8Array {
  const arrays = [ranges.ipv4Starts, ranges.ipv4Ends, ranges.ipv4Asns, ranges.ipv6Starts, ranges.ipv6Ends, ranges.ipv6Asns];
  const organizations = new TextEncoder().encode(JSON.stringify([...ranges.organizations]));
  const headerBytes = 8 + 4 * 3;
  const arrayBytes = arrays.reduce((sum, array) => sum + array.byteLength, 0);
  const bytes = new Uint8Array(headerBytes + arrayBytes + organizations.byteLength);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(magic), 0);
  view.setUint32(8, ranges.ipv4Asns.length, true);
  view.setUint32(12, ranges.ipv6Asns.length, true);
  view.setUint32(16, organizations.byteLength, true);
  let offset = headerBytes;
  for (const array of arrays) {
    for (let index = 0; index < array.length; index++) view.setUint32(offset + index * 4, array[index]!, true);
    offset += array.byteLength;
  }
  bytes.set(organizations, offset);
  return bytes;
}

/** Reads bytes written by `serializeAsnRanges`; throws when they are not such a file. */
export function deserializeAsnRanges(bytes: Uint8Array): AsnRanges {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 20 || new TextDecoder().decode(bytes.subarray(0, 8)) !== magic) throw new Error('not an ASN range file');
  const ipv4Count = view.getUint32(8, true);
  const ipv6Count = view.getUint32(12, true);
  const organizationBytes = view.getUint32(16, true);
  let offset = 20;
  const read = (length: number): Uint32Array => {
    const start = offset;
    offset += length * 4;
    if (hostIsLittleEndian) return new Uint32Array(bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + offset));
    const array = new Uint32Array(length);
    for (let index = 0; index < length; index++) array[index] = view.getUint32(start + index * 4, true);
    return array;
  };
  const ipv4Starts = read(ipv4Count);
  const ipv4Ends = read(ipv4Count);
  const ipv4Asns = read(ipv4Count);
  const ipv6Starts = read(ipv6Count * 4);
  const ipv6Ends = read(ipv6Count * 4);
  const ipv6Asns = read(ipv6Count);
  if (offset + organizationBytes !== bytes.byteLength) throw new Error('ASN range file is truncated');
  const entries = JSON.parse(new TextDecoder().decode(bytes.subarray(offset))) as [number, string][];
  return { ipv4Starts, ipv4Ends, ipv4Asns, ipv6Starts, ipv6Ends, ipv6Asns, organizations: new Map(entries) };
}
