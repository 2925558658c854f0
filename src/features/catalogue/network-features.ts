import { browserFamilyCodes, countryCode, countryLabels, deviceTypeCodes, osFamilyCodes } from '../codes.js';
import { haversineKm, impliedSpeedKmh } from '../geo.js';
import { flag, labelsOf, snapshotField, type FeatureDefinition, type FeatureInput } from './feature-definition.js';

const lastLatitude = snapshotField('sender_last_latitude');
const lastLongitude = snapshotField('sender_last_longitude');
const lastLocationAt = snapshotField('sender_last_location_at');

/** Distance in km from the sender's last located transaction, NaN when either location is unknown. */
function distanceKm(input: FeatureInput): number {
  const latitude = input.network?.latitude;
  const longitude = input.network?.longitude;
  const previousLatitude = input.snapshot[lastLatitude]!;
  if (latitude === undefined || longitude === undefined || Number.isNaN(previousLatitude)) return Number.NaN;
  return haversineKm(previousLatitude, input.snapshot[lastLongitude]!, latitude, longitude);
}

/**
 * The transaction has no IP at all (no raw IP, no stored hash or signals) and no override of the
 * feature: then it has no hosting IP and no IP abroad (0), as the data contract's rows without an
 * IP say (`f_ip_is_hosting` / `f_ip_country_mismatch` 0 on card-present rows, on which every model
 * is trained), not "unknown", which a model never saw for such a payment.
 */
function withoutIp(input: FeatureInput, feature: string): boolean {
  return input.network === undefined && input.record.ipHash === undefined && (input.online?.ipAddress ?? '') === '' && input.record.overrides?.[feature] === undefined;
}

/** Signals derived from the request's IP address (online) or its stored derivation. */
const ipFeatures: FeatureDefinition[] = [
  {
    name: 'ip_country_code',
    type: 'categorical-code',
    description: 'Country of the IP address (DB-IP Lite) as a country code (see sender_country_code); missing without a raw IP or stored signals.',
    reasonCode: 'IP_COUNTRY',
    reasonTemplate: 'The IP address is in {value}',
    reasonCases: { zero: "The IP address's country is not known", missing: 'No IP address was sent with this payment, so its country is not known' },
    valueLabels: countryLabels,
    compute: (input) => (input.network?.country === undefined ? Number.NaN : countryCode(input.network.country)),
  },
  {
    name: 'ip_country_mismatch',
    type: 'binary',
    description: "1 when the IP address's country differs from sender_country; 0 without any IP; missing when the IP country is unknown.",
    reasonCode: 'IP_COUNTRY_MISMATCH',
    reasonTemplate: "The IP address is not in the sender's country",
    reasonCases: { zero: "The IP address is in the sender's country", missing: "The IP address's country is not known, so it cannot be compared with the sender's" },
    compute: (input) =>
      withoutIp(input, 'ip_country_mismatch') ? 0 : input.network?.country === undefined ? Number.NaN : flag(input.network.country !== input.record.senderCountry.toUpperCase()),
  },
  {
    name: 'ip_asn',
    type: 'categorical-code',
    description: 'Autonomous system number of the IP address (RouteViews / DB-IP), itself a stable code; missing when unknown.',
    reasonCode: 'IP_NETWORK',
    reasonTemplate: 'The IP address belongs to AS{value}',
    reasonCases: { zero: "The IP address's network (AS number) is not known", missing: "The IP address's network (AS number) is not known" },
    compute: (input) => input.network?.asn ?? Number.NaN,
  },
  {
    name: 'ip_is_hosting',
    type: 'binary',
    description: '1 when the IP address belongs to a cloud / hosting / datacenter network (curated ASN list and organisation keywords); 0 without any IP; missing when unknown.',
    reasonCode: 'DATACENTER_IP',
    reasonTemplate: 'The IP address belongs to a hosting provider or datacenter',
    reasonCases: { zero: 'The IP address does not belong to a hosting provider or datacenter', missing: 'Whether the IP address belongs to a hosting provider is not known' },
    compute: (input) => (withoutIp(input, 'ip_is_hosting') ? 0 : flag(input.network?.hosting)),
  },
  {
    name: 'distance_from_previous_location_km',
    type: 'numeric',
    description: "Great-circle km between this IP location and the sender's last located transaction (30-day retention); missing when either is unknown.",
    reasonCode: 'LOCATION_MISMATCH',
    reasonTemplate: "The payment comes from {value} km away from the sender's previous location",
    reasonCases: { zero: "The payment comes from the sender's previous location", missing: 'No earlier location of the sender to compare this payment with' },
    compute: distanceKm,
  },
  {
    name: 'implied_speed_kmh',
    type: 'numeric',
    description: 'distance_from_previous_location_km / hours since that location (elapsed time floored at one minute); missing when the distance is.',
    reasonCode: 'IMPOSSIBLE_TRAVEL',
    reasonTemplate: 'The sender would have travelled at {value} km/h since the previous payment',
    reasonCases: { zero: 'The sender has not moved since the previous payment', missing: 'No earlier location of the sender to compute a travel speed from' },
    compute: (input) => {
      const distance = distanceKm(input);
      return Number.isNaN(distance) ? Number.NaN : impliedSpeedKmh(distance, input.record.createdAt - input.snapshot[lastLocationAt]!);
    },
  },
];

/** Signals of the user agent (ua-parser-js 1.x and isbot). */
const userAgentFeatures: FeatureDefinition[] = [
  {
    name: 'ua_is_bot',
    type: 'binary',
    description: '1 when the user agent is a bot, crawler, HTTP library or command-line client (isbot); missing without a user agent.',
    reasonCode: 'BOT_USER_AGENT',
    reasonTemplate: 'The request came from an automated client',
    reasonCases: { zero: 'The request did not come from an automated client', missing: 'No user agent was sent with this payment' },
    compute: (input) => flag(input.userAgent?.isBot),
  },
  {
    name: 'ua_is_headless',
    type: 'binary',
    description: '1 for a headless or automation-driven browser (HeadlessChrome, PhantomJS, Puppeteer, Playwright, Selenium…); missing without a user agent.',
    reasonCode: 'HEADLESS_BROWSER',
    reasonTemplate: 'The request came from a headless browser',
    reasonCases: { zero: 'The request did not come from a headless browser', missing: 'No user agent was sent with this payment' },
    compute: (input) => flag(input.userAgent?.isHeadless),
  },
  {
    name: 'ua_browser_family_code',
    type: 'categorical-code',
    description: 'Browser family code (codes.ts browserFamilyCodes; 1 = other, 0 = unrecognisable); missing without a user agent.',
    reasonCode: 'BROWSER_FAMILY',
    reasonTemplate: 'The browser is {value}',
    reasonCases: { zero: 'The browser is not known', missing: 'No user agent was sent with this payment' },
    valueLabels: { 1: 'an unlisted one', ...labelsOf(browserFamilyCodes) },
    compute: (input) => input.userAgent?.browserFamilyCode ?? Number.NaN,
  },
  {
    name: 'ua_os_family_code',
    type: 'categorical-code',
    description: 'Operating-system family code (codes.ts osFamilyCodes; 1 = other, 0 = unrecognisable); missing without a user agent.',
    reasonCode: 'OS_FAMILY',
    reasonTemplate: 'The operating system is {value}',
    reasonCases: { zero: 'The operating system is not known', missing: 'No user agent was sent with this payment' },
    valueLabels: { 1: 'an unlisted one', ...labelsOf(osFamilyCodes) },
    compute: (input) => input.userAgent?.osFamilyCode ?? Number.NaN,
  },
  {
    name: 'ua_device_type_code',
    type: 'categorical-code',
    description: 'Device type code (1 = desktop, then codes.ts deviceTypeCodes; 0 = unrecognisable); missing without a user agent.',
    reasonCode: 'DEVICE_TYPE',
    reasonTemplate: 'The device type is {value}',
    reasonCases: { zero: 'The device type is not known', missing: 'No user agent was sent with this payment' },
    valueLabels: { 1: 'desktop', ...labelsOf(deviceTypeCodes) },
    compute: (input) => input.userAgent?.deviceTypeCode ?? Number.NaN,
  },
];

/** Device and network signals of the request. */
export const networkFeatures: readonly FeatureDefinition[] = [...ipFeatures, ...userAgentFeatures];
