import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ensureOk, problemsOf, unwrap } from '../api/client';
import { ProblemList } from '../components/problem-list';
import { SecretShownOnce } from '../components/secret-shown-once';
import { expiresAtOfDay } from '../components/credential-expiry';
import { CredentialTable } from '../components/credential-table';
import { useSession } from '../session/session';

type Role = 'service' | 'analyst' | 'admin';
const roleHelp: Record<Role, string> = {
  service: 'a payment platform: scores and reads its own decisions',
  analyst: 'a person: also works cases and records labels',
  admin: 'a person: everything, including thresholds and tokens',
};

/** Admin: the tenant's API tokens; a new secret is shown once, revocation asks first. */
export function TokensPage() {
  const queryClient = useQueryClient();
  const { me } = useSession();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('service');
  // An expiry date (YYYY-MM-DD): the token stops at 00:00 UTC of that day; empty: until revoked.
  const [expires, setExpires] = useState('');
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: async () => unwrap(await api.GET('/v1/admin/tokens')) });
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST('/v1/admin/tokens', { body: { name, role, ...expiresAtOfDay(expires) } })),
    onSuccess: () => {
      setName('');
      setExpires('');
      return queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const revoke = useMutation({
    mutationFn: async (tokenId: string) => {
      // 204 No Content: success has no body to unwrap.
      ensureOk(await api.DELETE('/v1/admin/tokens/{token_id}', { params: { path: { token_id: tokenId } } }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const problems = problemsOf(create.error);
  const issued = create.data;
  return (
    <div className="page tokens">
      <h1>API tokens</h1>
      <div className="two-columns">
        <form className="card" onSubmit={submit} aria-labelledby="new-token-title">
          <h2 id="new-token-title">New token</h2>
          <div className="field">
            <label htmlFor="token-name">Name</label>
            <input id="token-name" required maxLength={100} value={name} onChange={(event) => setName(event.target.value)} aria-describedby="token-name-help" />
            <span id="token-name-help" className="help">
              Who or what uses it, e.g. “checkout service” or an analyst's name.
            </span>
          </div>
          <div className="field">
            <label htmlFor="token-role">Role</label>
            <select id="token-role" value={role} onChange={(event) => setRole(event.target.value as Role)} aria-describedby="token-role-help">
              {(Object.keys(roleHelp) as Role[]).map((item) => (
                <option key={item} value={item}>
                  {item}
                </option>
              ))}
            </select>
            <span id="token-role-help" className="help">
              {roleHelp[role]}
            </span>
          </div>
          <div className="field">
            <label htmlFor="token-expires">Expires on (optional)</label>
            <input id="token-expires" type="date" value={expires} onChange={(event) => setExpires(event.target.value)} aria-describedby="token-expires-help" />
            <span id="token-expires-help" className="help">
              The token stops working at 00:00 UTC that day, in every process. Leave empty to keep it until it is revoked.
            </span>
          </div>
          <ProblemList id="token-problems" title="Not valid" problems={problems} />
          {create.isError && problems.length === 0 && <p role="alert">{create.error.message}</p>}
          <button type="submit" className="primary" disabled={create.isPending || name.trim() === ''}>
            Create token
          </button>
          {issued !== undefined && (
            <SecretShownOnce label="New token secret" secret={issued.token}>
              <strong>{issued.name}</strong> ({issued.role}{issued.expires_at === null ? '' : `, expires ${new Date(issued.expires_at).toLocaleString()}`})
            </SecretShownOnce>
          )}
        </form>
        <section className="card" aria-labelledby="token-list-title">
          <h2 id="token-list-title">Tokens of tenant {me?.tenant_id}</h2>
          {tokens.isError && <p role="alert">{tokens.error.message}</p>}
          {revoke.isError && <p role="alert">{revoke.error.message}</p>}
          {tokens.data === undefined ? (
            <p role="status">Loading tokens…</p>
          ) : (
            <div className="scroll-table">
              <CredentialTable
                caption="API tokens"
                rows={tokens.data.items.map((token) => ({ ...token, id: token.token_id }))}
                columns={[{ header: 'Role', cell: (token) => token.role }]}
                revokeWarning="Every process refuses it within 5 seconds."
                revoking={revoke.isPending}
                onRevoke={(token) => revoke.mutate(token.id)}
                ownState={(token) => (token.id === me?.token_id ? <span className="muted">your session</span> : undefined)}
              />
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
