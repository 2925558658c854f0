import { describe, expect, it } from 'vitest';
import { deserializeAsnRanges, serializeAsnRanges } from './asn-binary.js';
import { parseAsnCsv } from './asn-csv.js';
import { AsnTable } from './asn-table.js';
import { isHostingAsn } from './hosting-asns.js';
import { parseIp } from './ip-address.js';

const ipv4Csv = [
  '16843008,16843263,13335,"Cloudflare, Inc."',
  '16777216,16777471,64500,"Quoted ""Name"" Ltd"',
  '3368648704,3368649727,28403,"RadioMovil Dipsa, S.A. de C.V."\r',
  '3368649728,3368650751,64501,Example Hosting GmbH',
  '',
].join('\n');
const ipv6Csv = ['2405:8100::,2405:8100:ffff:ffff:ffff:ffff:ffff:ffff,13335,"Cloudflare, Inc."', '2001:db8::,2001:db8::ff,64502,Residential ISP'].join('\n');

function lookup(table: AsnTable, address: string): number | undefined {
  return table.lookup(parseIp(address)!)?.asn;
}

describe('ASN ranges', () => {
  const table = new AsnTable(parseAsnCsv(ipv4Csv, ipv6Csv));

  it('parses quoted organisations and sorts unsorted rows', () => {
    expect(table.size).toEqual({ ipv4: 4, ipv6: 2 });
    expect(Array.from(table.ranges.ipv4Asns)).toEqual([64500, 13335, 28403, 64501]);
    expect(table.ranges.organizations.get(64500)).toBe('Quoted "Name" Ltd');
    expect(table.ranges.organizations.get(28403)).toBe('RadioMovil Dipsa, S.A. de C.V.');
  });

  it('finds the range containing an address, inclusive at both ends', () => {
    expect(lookup(table, '1.1.1.0')).toBe(13335);
    expect(lookup(table, '1.1.1.255')).toBe(13335);
    expect(lookup(table, '1.1.2.0')).toBeUndefined();
    expect(lookup(table, '0.255.255.255')).toBeUndefined();
    expect(lookup(table, '200.201.131.255')).toBe(28403);
    expect(lookup(table, '200.201.132.0')).toBe(64501);
    expect(lookup(table, '2405:8100:8000:5ca1::17:f1c5')).toBe(13335);
    expect(lookup(table, '2001:db8::ff')).toBe(64502);
    expect(lookup(table, '2001:db8::100')).toBeUndefined();
  });

  it('marks hosting networks by ASN list and organisation keywords', () => {
    expect(table.lookup(parseIp('1.1.1.1')!)).toEqual({ asn: 13335, organization: 'Cloudflare, Inc.', hosting: true });
    expect(table.lookup(parseIp('200.201.132.1')!)?.hosting).toBe(true);
    expect(table.lookup(parseIp('200.201.131.1')!)?.hosting).toBe(false);
    expect(isHostingAsn(64999, 'Telefonica de Espana')).toBe(false);
    expect(isHostingAsn(64999, 'ACME Data Center LLC')).toBe(true);
  });

  it('survives the binary cache format unchanged', () => {
    const restored = deserializeAsnRanges(serializeAsnRanges(table.ranges));
    expect(restored).toEqual(table.ranges);
    expect(() => deserializeAsnRanges(new Uint8Array(40))).toThrow(/not an ASN range file/);
    expect(() => deserializeAsnRanges(serializeAsnRanges(table.ranges).subarray(0, 60))).toThrow();
  });
});
