import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ApiErrorNotice } from '../components/api-error-notice';
import { SecretShownOnce } from '../components/secret-shown-once';

const when = (value: string | null) => (value === null ? '—' : new Date(value).toLocaleString());

/**
 * A merchant's outbound webhooks: endpoints (a new one's signing secret shown once), the delivery
 * log newest first with each attempt's outcome, and redelivery of one delivery.
 */
export function MerchantWebhooks({ merchantId }: { merchantId: string }) {
  const queryClient = useQueryClient();
  const params = { path: { merchant_id: merchantId } };
  const [url, setUrl] = useState('');
  const endpoints = useQuery({ queryKey: ['merchant-webhooks', merchantId], queryFn: async () => unwrap(await api.GET('/v1/admin/merchants/{merchant_id}/webhooks', { params })) });
  const deliveries = useQuery({
    queryKey: ['merchant-deliveries', merchantId],
    queryFn: async () => unwrap(await api.GET('/v1/admin/merchants/{merchant_id}/webhooks/deliveries', { params })),
    // Deliveries move on their own (sent, retried): keep the log current while the page is open.
    refetchInterval: 5_000,
  });
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST('/v1/admin/merchants/{merchant_id}/webhooks', { params, body: { url: url.trim(), events: ['decision.created'] } })),
    onSuccess: () => {
      setUrl('');
      return queryClient.invalidateQueries({ queryKey: ['merchant-webhooks', merchantId] });
    },
  });
  const redeliver = useMutation({
    mutationFn: async (deliveryId: string) =>
      unwrap(await api.POST('/v1/admin/merchants/{merchant_id}/webhooks/deliveries/{delivery_id}/redeliver', { params: { path: { merchant_id: merchantId, delivery_id: deliveryId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['merchant-deliveries', merchantId] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const created = create.data;
  return (
    <section className="card" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhooks</h2>
      <p className="muted">Sentra POSTs each live feed decision (decision.created) to these endpoints, signed with Sentra-Signature; a shadow merchant's decisions are not sent.</p>
      {endpoints.isError && <p role="alert">{endpoints.error.message}</p>}
      {endpoints.data !== undefined &&
        (endpoints.data.items.length === 0 ? (
          <p className="muted">No endpoint yet.</p>
        ) : (
          <table>
            <caption className="visually-hidden">Webhook endpoints</caption>
            <thead>
              <tr>
                <th scope="col">URL</th>
                <th scope="col">Events</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {endpoints.data.items.map((endpoint) => (
                <tr key={endpoint.endpoint_id}>
                  <th scope="row">
                    <code>{endpoint.url}</code> <span className="muted">{endpoint.endpoint_id}</span>
                  </th>
                  <td>{endpoint.events.join(', ')}</td>
                  <td>{when(endpoint.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      <form className="inline-form" onSubmit={submit} aria-label="New webhook endpoint">
        <label>
          Endpoint URL <input type="url" required maxLength={2048} placeholder="https://merchant.example/sentra" value={url} onChange={(event) => setUrl(event.target.value)} />
        </label>
        <button type="submit" disabled={create.isPending || url.trim() === ''}>
          Add endpoint
        </button>
      </form>
      <ApiErrorNotice id="webhook-problems" error={create.error} title="Endpoint not added" />
      {created !== undefined && (
        <SecretShownOnce label="Webhook signing secret" secret={created.secret} kept="Sentra keeps it encrypted, to sign deliveries">
          Endpoint <code>{created.url}</code> added
        </SecretShownOnce>
      )}
      <h3>Delivery log</h3>
      {deliveries.isError && <p role="alert">{deliveries.error.message}</p>}
      <ApiErrorNotice id="redeliver-problems" error={redeliver.error} title="Not sent again" />
      {redeliver.isSuccess && (
        <p role="status" className="status-ok">
          Delivery {redeliver.data.delivery_id} queued again.
        </p>
      )}
      {deliveries.data !== undefined &&
        (deliveries.data.items.length === 0 ? (
          <p className="muted">No delivery yet.</p>
        ) : (
          <div className="scroll-table">
            <table>
              <caption className="visually-hidden">Webhook deliveries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Delivery</th>
                  <th scope="col">Event</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="number">
                    Attempts
                  </th>
                  <th scope="col">Last answer</th>
                  <th scope="col">Created</th>
                  <th scope="col">Delivered</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.data.items.map((delivery) => (
                  <tr key={delivery.delivery_id}>
                    <th scope="row">
                      <code>{delivery.delivery_id}</code>
                    </th>
                    <td>{delivery.event_type}</td>
                    <td className={delivery.status === 'failed' ? 'status-bad' : delivery.status === 'delivered' ? 'status-ok' : undefined}>{delivery.status}</td>
                    <td className="number">{delivery.attempts}</td>
                    <td>{delivery.last_status_code ?? delivery.last_error ?? '—'}</td>
                    <td>{when(delivery.created_at)}</td>
                    <td>{when(delivery.delivered_at)}</td>
                    <td>
                      <button type="button" disabled={redeliver.isPending} onClick={() => redeliver.mutate(delivery.delivery_id)}>
                        Redeliver {delivery.delivery_id}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
