import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ApiErrorNotice } from '../components/api-error-notice';
import type { Merchant } from './merchant-types';

/**
 * Shadow ⇄ live: promotion makes the same endpoints, keys and feed secrets act; demotion goes back
 * to comparing. Both ask first, are audited, and are dated in the evaluation report.
 */
export function MerchantModeSwitch({ merchant }: { merchant: Merchant }) {
  const queryClient = useQueryClient();
  const live = merchant.mode === 'live';
  const change = useMutation({
    mutationFn: async () => {
      const params = { params: { path: { merchant_id: merchant.merchant_id } } };
      return unwrap(live ? await api.POST('/v1/merchants/{merchant_id}/demote', params) : await api.POST('/v1/merchants/{merchant_id}/promote', params));
    },
    onSettled: () =>
      Promise.all(['merchant', 'merchants', 'merchant-evaluation'].map((key) => queryClient.invalidateQueries({ queryKey: key === 'merchants' ? [key] : [key, merchant.merchant_id] }))),
  });
  const ask = () => {
    const question = live
      ? `Demote “${merchant.name}” to shadow? From the next payment its decisions are only compared, never acted on: no case in the live queue, no decision webhook.`
      : `Promote “${merchant.name}” to live? From the next payment its decisions are acted on, with the same endpoints, keys and feed secrets.`;
    if (window.confirm(question)) change.mutate();
  };
  return (
    <div className="mode-switch">
      <p>
        Mode: <strong>{merchant.mode}</strong> — {live ? 'decisions are acted on.' : 'scored and stored, only compared (see the evaluation below).'}
      </p>
      <button type="button" className={live ? undefined : 'primary'} disabled={change.isPending} onClick={ask}>
        {live ? 'Demote to shadow' : 'Promote to live'}
      </button>
      <ApiErrorNotice id="mode-problems" error={change.error} title="Mode not changed" />
      {change.isSuccess && (
        <p role="status" className="status-ok">
          Now {change.data.mode} since {new Date(change.data.changed_at).toLocaleString()}.
        </p>
      )}
    </div>
  );
}
