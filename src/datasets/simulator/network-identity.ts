import { createHash } from 'node:crypto';
import type { SeededRandom } from './seeded-random.js';

/**
 * Hex SHA-256 of an identifier, as a platform would key-hash raw IPs and device ids before they
 * reach a contract file. The simulator never writes the raw values.
 */
export function hashIdentifier(kind: 'ip' | 'device' | 'document', value: string): string {
  return createHash('sha256').update(`sentra-simulator:${kind}:${value}`).digest('hex');
}

/** A residential IPv4 address (its hash is what gets written). */
export function residentialIpAddress(random: SeededRandom): string {
  return `${random.integerBetween(24, 223)}.${random.integer(256)}.${random.integer(256)}.${random.integerBetween(1, 254)}`;
}

/** Address blocks of made-up hosting providers: a datacenter IP falls in one of them. */
const hostingPrefixes = ['34.80', '35.190', '52.14', '54.201', '104.131', '138.68', '159.89', '167.99', '178.62', '188.166'];

/** An IPv4 address inside a hosting provider's block. */
export function hostingIpAddress(random: SeededRandom): string {
  return `${random.pick(hostingPrefixes)}.${random.integer(256)}.${random.integerBetween(1, 254)}`;
}

/** A device identifier as an app SDK would report it. */
export function deviceIdentifier(random: SeededRandom): string {
  return `${random.hex(8)}-${random.hex(4)}-${random.hex(4)}-${random.hex(4)}-${random.hex(12)}`;
}

/** User agents of ordinary browsers and apps. */
export const browserUserAgents = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0',
  'Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36',
  'SentraShop/4.2.1 (iPhone; iOS 17.2; Scale/3.00)',
  'SentraShop/4.2.0 (Android 14; Pixel 7)',
] as const;

/** User agents of automation: headless browsers and HTTP libraries, as card-testing bots use. */
export const automationUserAgents = [
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
  'python-requests/2.31.0',
  'curl/8.4.0',
  'Go-http-client/1.1',
] as const;
