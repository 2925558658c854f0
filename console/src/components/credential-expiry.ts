/** How a credential's expiry reads in a list: never, or expires / expired at a local time. */
export function expiryLabel(expiresAt: string | null, now = Date.now()): string {
  if (expiresAt === null) return 'never';
  return `${Date.parse(expiresAt) <= now ? 'expired' : 'expires'} ${new Date(expiresAt).toLocaleString()}`;
}

/** The `expires_at` of a create body from a date field (YYYY-MM-DD): 00:00 UTC that day; none when empty. */
export function expiresAtOfDay(day: string): { expires_at?: string } {
  return day === '' ? {} : { expires_at: `${day}T00:00:00Z` };
}
