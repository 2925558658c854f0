import { useState } from 'react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import { ApiErrorNotice } from '../components/api-error-notice';
import { ListEntriesUpload } from './list-entries-upload';

const pageSize = 100;

/** Admin: one list — its live entries by value (pages of 100), adding entries, removing the selected ones, deleting the list. */
export function ListPage() {
  const name = useParams().listName ?? '';
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const detail = useInfiniteQuery({
    queryKey: ['list', name],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(await api.GET('/v1/lists/{name}', { params: { path: { name }, query: { limit: String(pageSize), ...(pageParam === undefined ? {} : { after: pageParam }) } } })),
    getNextPageParam: (last) => last.next_after ?? undefined,
    retry: (count, error) => !(error instanceof ApiError && (error.status === 404 || error.status === 400)) && count < 1,
  });
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['list', name] }), queryClient.invalidateQueries({ queryKey: ['lists'] })]);
  const navigate = useNavigate();
  const deleteList = useMutation({
    mutationFn: async () => unwrap(await api.DELETE('/v1/lists/{name}', { params: { path: { name } } })),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: ['list', name] });
      await queryClient.invalidateQueries({ queryKey: ['lists'] });
      await navigate('/admin/lists');
    },
  });
  const remove = useMutation({
    mutationFn: async (values: string[]) => unwrap(await api.DELETE('/v1/lists/{name}/entries', { params: { path: { name } }, body: { values } })),
    onSuccess: () => setSelected(new Set()),
    onSettled: refresh,
  });

  if (detail.isPending) return <p role="status">Loading list {name}…</p>;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <div className="page">
        <h1>List {name}</h1>
        <p role="alert" className="problem">
          {missing ? 'No list with this name in your tenant.' : detail.error.message}
        </p>
        <Link to="/admin/lists">All lists</Link>
      </div>
    );
  }
  const first = detail.data.pages[0]!;
  const entries = detail.data.pages.flatMap((page) => page.entries);
  const toggle = (value: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(value)) next.delete(value);
      else next.add(value);
      return next;
    });
  const removeSelected = () => {
    const values = [...selected];
    if (window.confirm(`Remove ${values.length} ${values.length === 1 ? 'entry' : 'entries'} from ${name}? Rules stop matching them within seconds.`)) remove.mutate(values);
  };
  return (
    <div className="page list">
      <div className="page-heading">
        <h1>
          List <code>{first.name}</code>
        </h1>
        <Link to="/admin/lists">All lists</Link>
      </div>
      <div className="inline-form">
        <button
          type="button"
          disabled={deleteList.isPending}
          onClick={() => window.confirm(`Delete the list ${first.name} and its ${first.entry_count} live ${first.entry_count === 1 ? 'entry' : 'entries'}? This cannot be undone.`) && deleteList.mutate()}
        >
          Delete list {first.name}
        </button>
      </div>
      <ApiErrorNotice id="delete-list-problems" error={deleteList.error} title="List not deleted" />
      <p className="muted">
        {first.kind} · {first.entry_count} live {first.entry_count === 1 ? 'entry' : 'entries'} · version {first.version}
        {first.description !== '' && ` · ${first.description}`}
      </p>
      <div className="two-columns wide-left">
        <section className="card" aria-labelledby="entries-title" aria-busy={remove.isPending}>
          <h2 id="entries-title">Entries</h2>
          {remove.isSuccess && (
            <p role="status" className="status-ok">
              Removed {remove.data.deleted}; list version {remove.data.list_version}.
            </p>
          )}
          <ApiErrorNotice id="remove-problems" error={remove.error} title="Nothing removed" />
          {entries.length === 0 ? (
            <p>No live entry.</p>
          ) : (
            <>
              <div className="actions">
                <button type="button" disabled={selected.size === 0 || remove.isPending} onClick={removeSelected}>
                  Remove selected ({selected.size})
                </button>
              </div>
              <div className="scroll-table">
                <table>
                  <caption className="visually-hidden">Entries of {name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">
                        <span className="visually-hidden">Select</span>
                      </th>
                      <th scope="col">Value</th>
                      <th scope="col">Note</th>
                      <th scope="col">Expires</th>
                      <th scope="col">Added</th>
                    </tr>
                  </thead>
                  <tbody>
                    {entries.map((entry) => (
                      <tr key={entry.value}>
                        <td>
                          <input type="checkbox" aria-label={`Select ${entry.value}`} checked={selected.has(entry.value)} onChange={() => toggle(entry.value)} />
                        </td>
                        <th scope="row">
                          <code>{entry.value}</code>
                        </th>
                        <td>{entry.note ?? ''}</td>
                        <td>{entry.expires_at === null ? 'never' : new Date(entry.expires_at).toLocaleString()}</td>
                        <td>{new Date(entry.created_at).toLocaleString()}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {detail.hasNextPage && (
                <button type="button" disabled={detail.isFetchingNextPage} onClick={() => void detail.fetchNextPage()}>
                  Load more
                </button>
              )}
            </>
          )}
        </section>
        <ListEntriesUpload name={name} kind={first.kind} onAdded={refresh} />
      </div>
    </div>
  );
}
