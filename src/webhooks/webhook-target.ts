import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import type { ProblemDetail } from '../errors/errors.js';

/**
 * Addresses a webhook may not reach unless the operator allows private targets
 * (`SENTRA_WEBHOOK_ALLOW_PRIVATE`): the IANA special-purpose ranges that are not globally reachable.
 * A tenant's admin chooses the URL, so without this rule an endpoint could make the server post to its
 * own loopback services, the cloud's metadata address or the internal network, and the delivery log's
 * status and error would tell what answered there. An IPv4-mapped IPv6 address (`::ffff:127.0.0.1`)
 * is checked by the IPv4 rules: BlockList maps between the two.
 */
const nonPublic = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // shared address space (carrier-grade NAT)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // deprecated 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
] as const) {
  nonPublic.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b:1::', 48], // local-use IPv4/IPv6 translation
  ['100::', 64], // discard-only
  ['2001::', 23], // IETF protocol assignments
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: embeds an IPv4 address
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  nonPublic.addSubnet(network, prefix, 'ipv6');
}

/** Whether an IP address (v4 or v6, no brackets) is globally reachable. Anything that is not an IP address is not. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !nonPublic.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The IP address a URL's host names literally (without IPv6 brackets) when it is not public;
 * undefined for a public address or a host name (a name is checked when it is resolved).
 */
function nonPublicLiteral(url: URL): string | undefined {
  const bare = url.hostname.startsWith('[') && url.hostname.endsWith(']') ? url.hostname.slice(1, -1) : url.hostname;
  return isIP(bare) !== 0 && !isPublicAddress(bare) ? bare : undefined;
}

/**
 * The problems of an endpoint URL (its body's schema already holds it to `http(s)://…`) under the
 * target policy, at `/url`; empty when it may be registered. Always: a URL that parses, with no user
 * name or password in it (the URL is listed and audited as it is). Unless private targets are
 * allowed: https only, and a host that is a name or a public IP address. A name is resolved when a
 * delivery is sent, and refused then if any of its addresses is not public (see {@link publicOnlyLookup}).
 */
export function endpointUrlProblems(raw: string, allowPrivate: boolean): ProblemDetail[] {
  const path = '/url';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return [{ code: 'format', path, message: 'must be an absolute http or https URL' }];
  }
  if (url.username !== '' || url.password !== '') {
    return [{ code: 'credentials', path, message: 'must not carry a user name or password: the URL is listed and audited as it is; authenticate deliveries by their Sentra-Signature' }];
  }
  if (allowPrivate) return [];
  if (url.protocol !== 'https:') return [{ code: 'insecure_url', path, message: 'must be an https URL (plain http is allowed only with SENTRA_WEBHOOK_ALLOW_PRIVATE=true)' }];
  const address = nonPublicLiteral(url);
  if (address !== undefined) {
    return [{ code: 'private_address', path, message: `${address} is not a public address (loopback, private, link-local and other special-purpose addresses are refused unless SENTRA_WEBHOOK_ALLOW_PRIVATE=true)` }];
  }
  return [];
}

/** Why a delivery's target was refused: its host is or resolves to an address that is not public. */
export class NonPublicTargetError extends Error {
  constructor(host: string, address: string) {
    super(host === address ? `${address} is not a public address; not sent (SENTRA_WEBHOOK_ALLOW_PRIVATE)` : `${host} resolves to ${address}, not a public address; not sent (SENTRA_WEBHOOK_ALLOW_PRIVATE)`);
    this.name = 'NonPublicTargetError';
  }
}

/** Refuses a URL whose host is an IP address that is not public (a connection to it resolves no name). */
export function assertPublicLiteral(url: URL): void {
  const address = nonPublicLiteral(url);
  if (address !== undefined) throw new NonPublicTargetError(address, address);
}

/**
 * A `lookup` for outgoing connections that resolves the name and fails when any of its addresses is
 * not public, so the connection goes only to an address that was checked (a name cannot pass the
 * check and then resolve elsewhere for the connection).
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error !== null) return callback(error, '', 0);
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused !== undefined) return callback(new NonPublicTargetError(hostname, refused.address), '', 0);
    if (addresses.length === 0) return callback(new Error(`${hostname} has no address`), '', 0);
    if (options.all === true) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};
