import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { actionText } from './rule-types';

/** Admin: the tenant's rules at their current versions, highest priority first; archived ones on request. */
export function RulesPage() {
  const [search, setSearch] = useSearchParams();
  const archived = search.get('archived') === 'true';
  const rules = useQuery({
    queryKey: ['rules', archived],
    queryFn: async () => unwrap(await api.GET('/v1/rules', { params: { query: archived ? { include_archived: 'true' } : {} } })),
  });
  return (
    <div className="page rules">
      <div className="page-heading">
        <h1>Rules</h1>
        <Link className="button primary" to="/admin/rules/new">
          New rule
        </Link>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={archived} onChange={(event) => setSearch(event.target.checked ? { archived: 'true' } : {})} /> Show archived rules
      </label>
      {rules.isError && <p role="alert">{rules.error.message}</p>}
      {rules.data === undefined ? (
        !rules.isError && <p role="status">Loading rules…</p>
      ) : rules.data.rules.length === 0 ? (
        <p>No rule yet. Rules add to the model's score or force a decision; start with “New rule”.</p>
      ) : (
        <div className="card scroll-table">
          <table>
            <caption className="visually-hidden">Rules</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Condition</th>
                <th scope="col">Action</th>
                <th scope="col" className="number">
                  Priority
                </th>
                <th scope="col">Mode</th>
                <th scope="col">State</th>
                <th scope="col" className="number">
                  Version
                </th>
                <th scope="col">Changed</th>
              </tr>
            </thead>
            <tbody>
              {rules.data.rules.map((rule) => (
                <tr key={rule.rule_id}>
                  <th scope="row">
                    <Link to={`/admin/rules/${rule.rule_id}`}>{rule.name}</Link>
                  </th>
                  <td>
                    <code className="clip">{rule.expression}</code>
                  </td>
                  <td>{actionText(rule.action)}</td>
                  <td className="number">{rule.priority}</td>
                  <td>{rule.mode}</td>
                  <td>{rule.status === 'archived' ? 'archived' : rule.enabled ? 'enabled' : 'disabled'}</td>
                  <td className="number">{rule.version}</td>
                  <td>{new Date(rule.updated_at).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
