import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ApiErrorNotice } from '../components/api-error-notice';

const psps = ['stripe', 'adyen', 'checkout'] as const;
type Psp = (typeof psps)[number];
const secretHelp: Record<Psp, string> = {
  stripe: "the endpoint's signing secret (whsec_…)",
  adyen: 'the HMAC key (hex)',
  checkout: 'the webhook signature key',
};
const when = (value: string | null) => (value === null ? '—' : new Date(value).toLocaleString());

/** The URL a PSP posts this merchant's webhooks to: this server's address and the receiver path. */
const receiverUrl = (path: string) => `${window.location.origin}${path}`;

/**
 * A merchant's PSP feeds: which PSPs have secrets (never shown: typed once, stored encrypted), the
 * receiver URL to give each PSP, setting or rotating the secrets, and the latest received events.
 */
export function MerchantFeeds({ merchantId }: { merchantId: string }) {
  const queryClient = useQueryClient();
  const params = { path: { merchant_id: merchantId } };
  const [psp, setPsp] = useState<Psp>('stripe');
  const [secrets, setSecrets] = useState('');
  const feeds = useQuery({ queryKey: ['merchant-feeds', merchantId], queryFn: async () => unwrap(await api.GET('/v1/admin/merchants/{merchant_id}/feeds', { params })) });
  const events = useQuery({
    queryKey: ['merchant-feed-events', merchantId],
    queryFn: async () => unwrap(await api.GET('/v1/admin/merchants/{merchant_id}/feeds/events', { params: { ...params, query: { limit: '20' } } })),
  });
  const save = useMutation({
    mutationFn: async (lines: string[]) => unwrap(await api.PUT('/v1/admin/merchants/{merchant_id}/feeds/{psp}', { params: { path: { merchant_id: merchantId, psp } }, body: { secrets: lines } })),
    onSuccess: () => {
      // The secrets leave the page once stored: they are never shown again.
      setSecrets('');
      return queryClient.invalidateQueries({ queryKey: ['merchant-feeds', merchantId] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const lines = secrets.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    const configured = feeds.data?.items.some((item) => item.psp === psp) ?? false;
    if (!configured || window.confirm(`Replace the ${psp} secrets? Only the ${lines.length} typed here will verify ${psp}'s webhooks from now on.`)) save.mutate(lines);
  };
  const byPsp = new Map((feeds.data?.items ?? []).map((item) => [item.psp, item]));
  return (
    <section className="card" aria-labelledby="feeds-title">
      <h2 id="feeds-title">PSP feeds</h2>
      {feeds.isError && <p role="alert">{feeds.error.message}</p>}
      <table>
        <caption className="visually-hidden">PSP feeds</caption>
        <thead>
          <tr>
            <th scope="col">PSP</th>
            <th scope="col">Webhook URL to give the PSP</th>
            <th scope="col" className="number">
              Secrets
            </th>
            <th scope="col">Changed</th>
          </tr>
        </thead>
        <tbody>
          {psps.map((item) => {
            const feed = byPsp.get(item);
            return (
              <tr key={item}>
                <th scope="row">{item}</th>
                <td>{feed === undefined ? <span className="muted">not set up</span> : <code>{receiverUrl(feed.receiver_path)}</code>}</td>
                <td className="number">{feed?.secret_count ?? 0}</td>
                <td>{when(feed?.updated_at ?? null)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form onSubmit={submit} aria-labelledby="feed-secrets-title">
        <h3 id="feed-secrets-title">Set or rotate secrets</h3>
        <div className="field-row">
          <div className="field">
            <label htmlFor="feed-psp">PSP</label>
            <select id="feed-psp" value={psp} onChange={(event) => setPsp(event.target.value as Psp)}>
              {psps.map((item) => (
                <option key={item} value={item}>
                  {item}
                </option>
              ))}
            </select>
          </div>
          <div className="field grow">
            <label htmlFor="feed-secrets">Secrets, one per line</label>
            <textarea id="feed-secrets" className="wide" rows={2} autoComplete="off" spellCheck={false} value={secrets} onChange={(event) => setSecrets(event.target.value)} aria-describedby="feed-secrets-help" />
            <span id="feed-secrets-help" className="help">
              {psp}: {secretHelp[psp]}. All lines verify at once: to rotate, save the new and the old one, switch the PSP to the new one, then save the new one alone. Stored encrypted and never shown again.
            </span>
          </div>
        </div>
        <ApiErrorNotice id="feed-problems" error={save.error} title="Secrets not saved" />
        <button type="submit" className="primary" disabled={save.isPending || secrets.trim() === ''}>
          Save {psp} secrets
        </button>
        {save.isSuccess && (
          <p role="status" className="status-ok">
            {save.data.secret_count} {save.data.psp} secret{save.data.secret_count === 1 ? '' : 's'} stored. Webhook URL: <code>{receiverUrl(save.data.receiver_path)}</code>
          </p>
        )}
      </form>
      <h3>Latest feed events</h3>
      {events.isError && <p role="alert">{events.error.message}</p>}
      {events.data !== undefined &&
        (events.data.items.length === 0 ? (
          <p className="muted">No event received yet.</p>
        ) : (
          <div className="scroll-table">
            <table>
              <caption className="visually-hidden">Latest feed events</caption>
              <thead>
                <tr>
                  <th scope="col">Event time</th>
                  <th scope="col">PSP</th>
                  <th scope="col">Type</th>
                  <th scope="col">Payment</th>
                  <th scope="col" className="number">
                    Amount
                  </th>
                  <th scope="col">Status</th>
                  <th scope="col">Decision</th>
                </tr>
              </thead>
              <tbody>
                {events.data.items.map((event) => (
                  <tr key={event.id}>
                    <td>{when(event.event_time)}</td>
                    <td>{event.psp}</td>
                    <td>{event.event_type}</td>
                    <td>{event.tx_id ?? '—'}</td>
                    <td className="number">{event.amount === null ? '—' : `${event.amount} ${event.currency ?? ''}`}</td>
                    <td className={event.status === 'failed' ? 'status-bad' : undefined}>
                      {event.status}
                      {event.error !== null && <span className="muted"> — {event.error}</span>}
                    </td>
                    <td>{event.decision_id === null ? '—' : <Link to={`/decisions/${encodeURIComponent(event.decision_id)}`}>{event.decision_id}</Link>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
