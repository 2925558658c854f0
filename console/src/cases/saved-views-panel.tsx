import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../session/session';
import { readSavedViews, savedViewsKey, withoutView, withView, writeSavedViews, type SavedView } from './saved-views';

/** The analyst's saved views of the queue as links, saving the current one under a name, removing one. */
export function SavedViewsPanel({ search }: { search: string }) {
  const { me } = useSession();
  const key = savedViewsKey(me?.tenant_id ?? '', me?.token_id ?? '');
  const [views, setViews] = useState<SavedView[]>(() => readSavedViews(localStorage, key));
  const [name, setName] = useState('');
  const keep = (next: SavedView[]) => {
    writeSavedViews(localStorage, key, next);
    setViews(next);
  };
  return (
    <section className="card saved-views" aria-labelledby="saved-views-title">
      <h2 id="saved-views-title">Saved views</h2>
      {views.length === 0 ? (
        <p className="muted">None yet: set the filters, name the view and save it.</p>
      ) : (
        <ul aria-label="Saved views">
          {views.map((view) => (
            <li key={view.name}>
              <Link to={{ search: view.search }} aria-current={view.search === search ? 'page' : undefined}>
                {view.name}
              </Link>{' '}
              <button type="button" className="link-button" aria-label={`Remove view ${view.name}`} onClick={() => keep(withoutView(views, view.name))}>
                remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        aria-label="Save this view"
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim() === '') return;
          keep(withView(views, { name: name.trim(), search }));
          setName('');
        }}
      >
        <label>
          View name <input value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
        </label>
        <button type="submit" disabled={name.trim() === ''}>
          Save this view
        </button>
      </form>
    </section>
  );
}
