/**
 * Autonomous systems of well-known cloud, hosting, CDN-egress and datacenter providers, curated by
 * hand from the providers' published ASNs. A payment from one of these networks comes from a server
 * or a VPN/proxy exit rather than a consumer access network.
 */
export const hostingAsns: ReadonlySet<number> = new Set([
  // Amazon / AWS
  16509, 14618, 8987, 38895, 7224,
  // Google / Google Cloud
  15169, 396982, 19527, 36040, 43515,
  // Microsoft / Azure
  8075, 8068, 8069, 12076,
  // Cloudflare (incl. WARP egress)
  13335, 209242, 395747,
  // Oracle Cloud, IBM Cloud
  31898, 36351,
  // Alibaba Cloud, Tencent Cloud, Huawei Cloud, Baidu, UCloud
  45102, 37963, 132203, 45090, 136907, 55990, 38365, 135377,
  // DigitalOcean
  14061, 62567, 200130, 393406, 394362,
  // Linode / Akamai, Fastly, CDN77 / DataCamp
  63949, 20940, 16625, 54113, 60068, 212238,
  // OVHcloud, Hetzner, Scaleway, netcup, Contabo, IONOS, Strato
  16276, 35540, 24940, 213230, 12876, 197540, 51167, 8560, 6724,
  // Vultr / Choopa, Leaseweb, M247, Hostinger, GoDaddy, Unified Layer, HostGator
  20473, 60781, 30633, 28753, 59253, 9009, 47583, 204915, 26496, 46606, 398101,
  // QuadraNet, Hivelocity, Psychz, Sharktech, FranTech / BuyVM, HostPapa, Interserver, Servers.com
  8100, 29802, 40676, 46844, 53667, 36352, 19318, 7979,
  // iWeb, Rackspace, Equinix Metal, Latitude.sh, Kamatera, Zenlayer, Aruba, Selectel, Timeweb
  32613, 27357, 54825, 396356, 36007, 21859, 31034, 49505, 9123,
  // Sakura Internet, GMO Internet (ConoHa)
  9370, 7506,
]);

/** Organisation-name words that mark a hosting provider when its ASN is not in the list. */
const hostingNamePattern =
  /\b(hosting|hoster|webhost|host(?:ed|s)?|servers?|data ?cent(?:er|re)s?|datacenter|colo(?:cation)?|vps|vds|dedicated|cloud|compute|serverius|digitalocean|linode|vultr|hetzner|ovh|leaseweb|contabo|scaleway)\b/i;

/** True when an AS is a hosting / datacenter network by number or by organisation name. */
export function isHostingAsn(asn: number, organization: string | undefined): boolean {
  if (hostingAsns.has(asn)) return true;
  return organization !== undefined && hostingNamePattern.test(organization);
}
