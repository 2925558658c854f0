/**
 * The Content-Security-Policy of the console. Everything comes from our own origin: the built
 * bundle has no inline script or style, so neither `unsafe-inline` nor `unsafe-eval` is needed, and
 * the page may not be framed, post forms elsewhere or load plugins.
 */
export const consoleContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every console response (the page and its assets). */
export const consoleSecurityHeaders: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': consoleContentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
});

/** Hashed bundle files never change under the same name: cache them for a year. */
export const immutableAssetCache = 'public, max-age=31536000, immutable';
/** The page names the current bundle, so the browser must ask again every time (cheap with ETag). */
export const documentCache = 'no-cache';
