import { describe, expect, it } from 'vitest';
import { readSavedViews, savedViewsKey, withoutView, withView, writeSavedViews } from './saved-views';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe('saved views of the case queue', () => {
  it('are kept per tenant and token, replaced by name, sorted and removed', () => {
    const storage = memoryStorage();
    const key = savedViewsKey('default', 'tok_1');
    let views = withView([], { name: 'Big blocks', search: 'decision=BLOCK&score_min=800' });
    views = withView(views, { name: 'Mine', search: 'assignee=me' });
    views = withView(views, { name: 'Big blocks', search: 'decision=BLOCK&score_min=900' });
    writeSavedViews(storage, key, views);
    expect(readSavedViews(storage, key)).toEqual([
      { name: 'Big blocks', search: 'decision=BLOCK&score_min=900' },
      { name: 'Mine', search: 'assignee=me' },
    ]);
    expect(readSavedViews(storage, savedViewsKey('default', 'tok_2'))).toEqual([]);
    expect(withoutView(views, 'Mine')).toEqual([{ name: 'Big blocks', search: 'decision=BLOCK&score_min=900' }]);
  });
  it('read as none when the stored value is not a list of views', () => {
    const storage = memoryStorage();
    for (const stored of ['not json', '{"name":"x"}', '[{"name":1,"search":""},null]']) {
      storage.setItem('k', stored);
      expect(readSavedViews(storage, 'k')).toEqual([]);
    }
  });
});
