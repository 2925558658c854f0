import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import { ApiErrorNotice } from '../components/api-error-notice';
import { MerchantKeys } from './merchant-keys';
import { MerchantUsage } from './merchant-usage';
import { MerchantModeSwitch } from './merchant-mode';
import { MerchantFeeds } from './merchant-feeds';
import { MerchantWebhooks } from './merchant-webhooks';
import { MerchantEvaluation } from './merchant-evaluation';
import type { Merchant } from './merchant-types';

/** Admin: one merchant — mode, prepaid balance and top-up, API keys, usage, PSP feeds, webhooks and the shadow evaluation. */
export function MerchantPage() {
  const merchantId = useParams().merchantId ?? '';
  const merchant = useQuery({
    queryKey: ['merchant', merchantId],
    queryFn: async () => unwrap(await api.GET('/v1/admin/merchants/{merchant_id}', { params: { path: { merchant_id: merchantId } } })),
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 1,
  });
  if (merchant.isPending) return <p role="status">Loading merchant {merchantId}…</p>;
  if (merchant.isError) {
    const missing = merchant.error instanceof ApiError && merchant.error.status === 404;
    return (
      <div className="page">
        <h1>Merchant {merchantId}</h1>
        <p role="alert" className="problem">
          {missing ? 'No merchant with this id in your tenant.' : merchant.error.message}
        </p>
        <Link to="/admin/merchants">All merchants</Link>
      </div>
    );
  }
  const current = merchant.data;
  return (
    <div className="page merchant">
      <div className="page-heading">
        <h1>Merchant “{current.name}”</h1>
        <Link to="/admin/merchants">All merchants</Link>
      </div>
      <div className="stack">
        <div className="two-columns">
          <MerchantSummary merchant={current} />
          <MerchantKeys merchantId={current.merchant_id} />
        </div>
        <MerchantUsage merchantId={current.merchant_id} />
        <MerchantFeeds merchantId={current.merchant_id} />
        <MerchantWebhooks merchantId={current.merchant_id} />
        <MerchantEvaluation merchantId={current.merchant_id} />
      </div>
    </div>
  );
}

/** The merchant's settings as they stand, its mode to change, and its balance to top up. */
function MerchantSummary({ merchant }: { merchant: Merchant }) {
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState('');
  const params = { path: { merchant_id: merchant.merchant_id } };
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['merchant', merchant.merchant_id] }), queryClient.invalidateQueries({ queryKey: ['merchants'] })]);
  const topUp = useMutation({
    mutationFn: async () => unwrap(await api.POST('/v1/admin/merchants/{merchant_id}/balance', { params, body: { amount } })),
    onSuccess: async () => {
      setAmount('');
      await Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: ['merchant-usage', merchant.merchant_id] })]);
    },
  });
  const submitTopUp = (event: FormEvent) => {
    event.preventDefault();
    topUp.mutate();
  };
  return (
    <section className="card" aria-labelledby="merchant-summary-title">
      <h2 id="merchant-summary-title">Settings and balance</h2>
      <dl className="facts" aria-label="Merchant facts">
        <dt>Merchant id</dt>
        <dd>
          <code>{merchant.merchant_id}</code>
        </dd>
        <dt>Mode</dt>
        <dd>{merchant.mode}</dd>
        <dt>Balance</dt>
        <dd className={Number(merchant.balance) < 0 ? 'status-bad' : undefined}>
          {merchant.balance} {merchant.currency}
        </dd>
        <dt>Overdraft allowed</dt>
        <dd>
          {merchant.overdraft} {merchant.currency}
        </dd>
        <dt>Fees per call</dt>
        <dd>
          confidence {merchant.fees.SENTRY}, events {merchant.fees.EVENTS}, pipeline {merchant.fees.PIPELINE}
        </dd>
        <dt>Thresholds</dt>
        <dd>
          {merchant.thresholds === null ? 'the tenant’s' : `challenge ${merchant.thresholds.challenge_at}, review ${merchant.thresholds.review_at}, deny ${merchant.thresholds.deny_at}`}
        </dd>
        <dt>Rate limit</dt>
        <dd>{merchant.rate_limit_per_second === null ? 'server default' : `${merchant.rate_limit_per_second} per second per key`}</dd>
      </dl>
      <MerchantModeSwitch merchant={merchant} />
      <form className="inline-form" onSubmit={submitTopUp} aria-label="Top up">
        <label>
          Top-up amount ({merchant.currency}){' '}
          <input inputMode="decimal" required value={amount} onChange={(event) => setAmount(event.target.value.trim())} aria-describedby="top-up-help" />
        </label>
        <button type="submit" className="primary" disabled={topUp.isPending || amount === ''}>
          Top up
        </button>
      </form>
      <span id="top-up-help" className="help">
        A decimal with at most 4 decimals, e.g. 250.00.
      </span>
      <ApiErrorNotice id="top-up-problems" error={topUp.error} title="Not topped up" />
      {topUp.isSuccess && (
        <p role="status" className="status-ok">
          Balance now {topUp.data.balance} {topUp.data.currency}.
        </p>
      )}
    </section>
  );
}
