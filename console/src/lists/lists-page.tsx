import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { ApiErrorNotice } from '../components/api-error-notice';

type ListKind = paths['/v1/lists']['post']['requestBody']['content']['application/json']['kind'];
const kindHelp: Record<ListKind, string> = {
  entity_id: 'sender or receiver ids',
  device_hash: 'device hashes',
  ip_hash: 'IP hashes (never raw addresses)',
  email_hash: 'email hashes (never raw addresses)',
  card_bin: 'card BINs, 6–8 digits',
  country: 'ISO-3166 alpha-2 codes',
  asn: 'autonomous system numbers',
  string: 'any text',
};

/** Admin: the tenant's named lists (rules use them as lists.<name>), and a new one. */
export function ListsPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ListKind>('entity_id');
  const [description, setDescription] = useState('');
  const lists = useQuery({ queryKey: ['lists'], queryFn: async () => unwrap(await api.GET('/v1/lists')) });
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST('/v1/lists', { body: { name, kind, ...(description === '' ? {} : { description }) } })),
    onSuccess: async (list) => {
      await queryClient.invalidateQueries({ queryKey: ['lists'] });
      await navigate(`/admin/lists/${list.name}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <div className="page lists">
      <h1>Lists</h1>
      <div className="two-columns wide-left">
        <section className="card" aria-labelledby="list-table-title">
          <h2 id="list-table-title">Lists of the tenant</h2>
          {lists.isError && <p role="alert">{lists.error.message}</p>}
          {lists.data === undefined ? (
            !lists.isError && <p role="status">Loading lists…</p>
          ) : lists.data.lists.length === 0 ? (
            <p>No list yet.</p>
          ) : (
            <table>
              <caption className="visually-hidden">Lists</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Kind</th>
                  <th scope="col" className="number">
                    Entries
                  </th>
                  <th scope="col" className="number">
                    Version
                  </th>
                  <th scope="col">Changed</th>
                </tr>
              </thead>
              <tbody>
                {lists.data.lists.map((list) => (
                  <tr key={list.name}>
                    <th scope="row">
                      <Link to={`/admin/lists/${list.name}`}>{list.name}</Link> <span className="muted">{list.description}</span>
                    </th>
                    <td>{list.kind}</td>
                    <td className="number">{list.entry_count}</td>
                    <td className="number">{list.version}</td>
                    <td>{new Date(list.updated_at).toLocaleString()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <form className="card" onSubmit={submit} aria-labelledby="new-list-title">
          <h2 id="new-list-title">New list</h2>
          <div className="field">
            <label htmlFor="list-name">Name</label>
            <input id="list-name" required maxLength={64} value={name} onChange={(event) => setName(event.target.value)} aria-describedby="list-name-help" />
            <span id="list-name-help" className="help">
              Lower case, digits and _; rules write <code>lists.{name === '' ? 'name' : name}</code>.
            </span>
          </div>
          <div className="field">
            <label htmlFor="list-kind">Kind</label>
            <select id="list-kind" value={kind} onChange={(event) => setKind(event.target.value as ListKind)} aria-describedby="list-kind-help">
              {(Object.keys(kindHelp) as ListKind[]).map((item) => (
                <option key={item} value={item}>
                  {item}
                </option>
              ))}
            </select>
            <span id="list-kind-help" className="help">
              {kindHelp[kind]}
            </span>
          </div>
          <div className="field">
            <label htmlFor="list-description">Description</label>
            <input id="list-description" className="wide" maxLength={2000} value={description} onChange={(event) => setDescription(event.target.value)} />
          </div>
          <ApiErrorNotice id="list-problems" error={create.error} title="Not created" />
          <button type="submit" className="primary" disabled={create.isPending || name === ''}>
            Create list
          </button>
        </form>
      </div>
    </div>
  );
}
