import { hmacSha256Hex } from '../platform/hmac.js';

/** What a client says about itself; the fingerprint is built from these, normalized. */
export interface DeviceTraits {
  userAgent?: string | undefined;
  screenResolution?: string | undefined;
  platform?: string | undefined;
  timezone?: string | undefined;
  language?: string | undefined;
}

const normalize = (value: string | undefined) => (value ?? '').trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The device id of the merchant APIs: an HMAC-SHA256, under the installation's own key, of the
 * user agent, screen resolution, platform, time zone and language (trimmed, lower case, joined by a
 * separator no field contains), prefixed `dev_`. Keyed, so the traits cannot be recovered by
 * hashing guesses elsewhere; undefined when no trait was sent (no device to profile).
 */
export function deviceFingerprint(key: Buffer, traits: DeviceTraits): string | undefined {
  const parts = [traits.userAgent, traits.screenResolution, traits.platform, traits.timezone, traits.language].map(normalize);
  if (parts.every((part) => part === '')) return undefined;
  return `dev_${hmacSha256Hex(key, parts.join('\u001f')).slice(0, 40)}`;
}
