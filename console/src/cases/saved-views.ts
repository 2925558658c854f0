/**
 * Saved views of the case queue: a name and the queue's address query (its filters and sort), kept
 * in this browser's local storage per tenant and token, so an analyst's views outlive the tab
 * without a server round trip and without holding anything secret.
 */
export interface SavedView {
  name: string;
  /** The queue's query string without '?', as searchFromFilters writes it ('' for the default view). */
  search: string;
}

/** The storage key of one analyst's views. */
export const savedViewsKey = (tenantId: string, tokenId: string) => `sentra.views.${tenantId}.${tokenId}`;

/** The views kept under `key`; anything unreadable counts as none. */
export function readSavedViews(storage: Pick<Storage, 'getItem'>, key: string): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((view): view is SavedView => typeof view?.name === 'string' && typeof view?.search === 'string');
  } catch {
    return [];
  }
}

/** The views with `view` added, replacing one of the same name, sorted by name. */
export function withView(views: readonly SavedView[], view: SavedView): SavedView[] {
  return [...views.filter((other) => other.name !== view.name), view].sort((a, b) => a.name.localeCompare(b.name));
}

/** The views without the one named `name`. */
export function withoutView(views: readonly SavedView[], name: string): SavedView[] {
  return views.filter((view) => view.name !== name);
}

/** Keeps the views under `key`. */
export function writeSavedViews(storage: Pick<Storage, 'setItem'>, key: string, views: readonly SavedView[]): void {
  storage.setItem(key, JSON.stringify(views));
}
