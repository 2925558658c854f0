import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { ApiErrorNotice } from '../components/api-error-notice';
import { merchantModes, type MerchantMode } from './merchant-types';

/** Admin: the tenant's merchants with their mode and prepaid balance, and a new one. */
export function MerchantsPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [mode, setMode] = useState<MerchantMode>('shadow');
  const [currency, setCurrency] = useState('USD');
  const merchants = useQuery({ queryKey: ['merchants'], queryFn: async () => unwrap(await api.GET('/v1/admin/merchants')) });
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST('/v1/admin/merchants', { body: { name, mode, currency } })),
    onSuccess: async (merchant) => {
      await queryClient.invalidateQueries({ queryKey: ['merchants'] });
      await navigate(`/admin/merchants/${merchant.merchant_id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <div className="page merchants">
      <h1>Merchants</h1>
      <div className="two-columns wide-left">
        <section className="card" aria-labelledby="merchant-table-title">
          <h2 id="merchant-table-title">Merchants of the tenant</h2>
          {merchants.isError && <p role="alert">{merchants.error.message}</p>}
          {merchants.data === undefined ? (
            !merchants.isError && <p role="status">Loading merchants…</p>
          ) : merchants.data.items.length === 0 ? (
            <p>No merchant yet.</p>
          ) : (
            <table>
              <caption className="visually-hidden">Merchants</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Mode</th>
                  <th scope="col" className="number">
                    Balance
                  </th>
                  <th scope="col">Changed</th>
                </tr>
              </thead>
              <tbody>
                {merchants.data.items.map((merchant) => (
                  <tr key={merchant.merchant_id}>
                    <th scope="row">
                      <Link to={`/admin/merchants/${merchant.merchant_id}`}>{merchant.name}</Link> <span className="muted">{merchant.merchant_id}</span>
                    </th>
                    <td>{merchant.mode}</td>
                    <td className={Number(merchant.balance) < 0 ? 'number status-bad' : 'number'}>
                      {merchant.balance} {merchant.currency}
                    </td>
                    <td>{new Date(merchant.updated_at).toLocaleString()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <form className="card" onSubmit={submit} aria-labelledby="new-merchant-title">
          <h2 id="new-merchant-title">New merchant</h2>
          <div className="field">
            <label htmlFor="merchant-name">Name</label>
            <input id="merchant-name" className="wide" required maxLength={200} value={name} onChange={(event) => setName(event.target.value)} />
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor="merchant-mode">Mode</label>
              <select id="merchant-mode" value={mode} onChange={(event) => setMode(event.target.value as MerchantMode)}>
                {merchantModes.map((item) => (
                  <option key={item} value={item}>
                    {item}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="merchant-currency">Currency</label>
              <input id="merchant-currency" required maxLength={3} value={currency} onChange={(event) => setCurrency(event.target.value.toUpperCase())} aria-describedby="merchant-currency-help" />
            </div>
          </div>
          <span id="merchant-currency-help" className="help">
            ISO-4217 code of the balance and fees. A new merchant starts at balance 0: top it up before billable calls. Shadow: scored and stored, the merchant
            only compares.
          </span>
          <ApiErrorNotice id="merchant-problems" error={create.error} title="Not created" />
          <div className="actions">
            <button type="submit" className="primary" disabled={create.isPending || name.trim() === ''}>
              Create merchant
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
