/**
 * The bearer token lives in session storage: it survives a reload of the tab but not its closing,
 * is never shared with other tabs, and is never put in a URL.
 */
const key = 'sentra.token';

/** The stored token, or null when signed out. */
export function readToken(): string | null {
  return globalThis.sessionStorage?.getItem(key) ?? null;
}

/** Keeps the token for this tab. */
export function storeToken(token: string): void {
  sessionStorage.setItem(key, token);
}

/** Forgets the token (sign out). */
export function clearToken(): void {
  sessionStorage.removeItem(key);
}
