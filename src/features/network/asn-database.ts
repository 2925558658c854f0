import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { deserializeAsnRanges, serializeAsnRanges } from './asn-binary.js';
import { parseAsnCsv } from './asn-csv.js';
import { AsnTable } from './asn-table.js';

/** Where the ASN table comes from and where its compact form is cached. */
export interface AsnDatabaseOptions {
  /**
   * Folder for the converted table (e.g. `<dataDir>/cache`). The first start converts the package's
   * CSV files (about 2 s) and writes `asn-<package version>.bin` there; later starts read that file
   * in milliseconds. Without a folder the CSV is converted on every load.
   */
  readonly cacheDirectory?: string;
  /** Folder of the `@ip-location-db/asn` package (default: resolved from node_modules). */
  readonly packageDirectory?: string;
}

/** The installed @ip-location-db/asn package folder. */
export function asnPackageDirectory(): string {
  return dirname(createRequire(import.meta.url).resolve('@ip-location-db/asn/package.json'));
}

async function readPackageVersion(directory: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(directory, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown';
}

/**
 * Loads the IP → ASN table (RouteViews + RIRs + DB-IP ASN Lite, CC BY 4.0) from the cache when it
 * matches the installed package version, otherwise converts the CSV and writes the cache atomically.
 */
export async function loadAsnTable(options: AsnDatabaseOptions = {}): Promise<AsnTable> {
  const packageDirectory = options.packageDirectory ?? asnPackageDirectory();
  const version = await readPackageVersion(packageDirectory);
  const cacheFile = options.cacheDirectory === undefined ? undefined : join(options.cacheDirectory, `asn-${version}.bin`);
  if (cacheFile !== undefined) {
    try {
      return new AsnTable(deserializeAsnRanges(await readFile(cacheFile)));
    } catch {
      // Missing or unreadable cache: convert below and rewrite it.
    }
  }
  const [ipv4, ipv6] = await Promise.all([
    readFile(join(packageDirectory, 'asn-ipv4-num.csv'), 'utf8'),
    readFile(join(packageDirectory, 'asn-ipv6.csv'), 'utf8'),
  ]);
  const ranges = parseAsnCsv(ipv4, ipv6);
  if (cacheFile !== undefined && options.cacheDirectory !== undefined) {
    await mkdir(options.cacheDirectory, { recursive: true });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    await writeFile(temporary, serializeAsnRanges(ranges));
    await rename(temporary, cacheFile);
  }
  return new AsnTable(ranges);
}
