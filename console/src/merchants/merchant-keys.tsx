import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ensureOk, unwrap } from '../api/client';
import { ApiErrorNotice } from '../components/api-error-notice';
import { SecretShownOnce } from '../components/secret-shown-once';
import { expiresAtOfDay } from '../components/credential-expiry';
import { CredentialTable } from '../components/credential-table';

/** A merchant's API keys: issue one (its secret shown once), see their last use, revoke after a confirmation. */
export function MerchantKeys({ merchantId }: { merchantId: string }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const path = { path: { merchant_id: merchantId } };
  const keys = useQuery({ queryKey: ['merchant-keys', merchantId], queryFn: async () => unwrap(await api.GET('/v1/admin/merchants/{merchant_id}/keys', { params: path })) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['merchant-keys', merchantId] });
  const issue = useMutation({
    mutationFn: async () => unwrap(await api.POST('/v1/admin/merchants/{merchant_id}/keys', { params: path, body: { ...(name.trim() === '' ? {} : { name: name.trim() }), ...expiresAtOfDay(expires) } })),
    onSuccess: () => {
      setName('');
      setExpires('');
      return refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: async (keyId: string) => ensureOk(await api.DELETE('/v1/admin/merchants/{merchant_id}/keys/{key_id}', { params: { path: { merchant_id: merchantId, key_id: keyId } } })),
    onSettled: refresh,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    issue.mutate();
  };
  return (
    <section className="card" aria-labelledby="merchant-keys-title">
      <h2 id="merchant-keys-title">API keys</h2>
      <form className="inline-form" onSubmit={submit} aria-label="Issue an API key">
        <label>
          Key name <input value={name} maxLength={100} placeholder="API key" onChange={(event) => setName(event.target.value)} />
        </label>
        <label title="The key stops working at 00:00 UTC that day; empty: until it is revoked">
          Expires on <input type="date" value={expires} onChange={(event) => setExpires(event.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={issue.isPending}>
          Issue key
        </button>
      </form>
      <ApiErrorNotice id="key-problems" error={issue.error} title="No key issued" />
      {issue.data !== undefined && (
        <SecretShownOnce label="New API key" secret={issue.data.api_key}>
          <strong>{issue.data.name}</strong> (send it as <code>X-Api-Key</code> with <code>X-Merchant-Id: {merchantId}</code>)
        </SecretShownOnce>
      )}
      <ApiErrorNotice id="revoke-problems" error={revoke.error} title="Not revoked" />
      {keys.isError && <p role="alert">{keys.error.message}</p>}
      {keys.data !== undefined &&
        (keys.data.items.length === 0 ? (
          <p>No key yet.</p>
        ) : (
          <CredentialTable
            caption="API keys"
            rows={keys.data.items.map((key) => ({ ...key, id: key.key_id }))}
            columns={[{ header: 'Created', cell: (key) => new Date(key.created_at).toLocaleString() }]}
            revokeWarning="Calls with it are refused at once here and within 5 seconds everywhere."
            revoking={revoke.isPending}
            onRevoke={(key) => revoke.mutate(key.id)}
          />
        ))}
    </section>
  );
}
