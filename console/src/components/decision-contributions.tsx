import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ContributionChart } from './contribution-chart';

/** "Why this score": a stored decision's TreeSHAP contributions as a chart (features that pushed the score up or down). */
export function DecisionContributions({ requestId }: { requestId: string }) {
  const explanation = useQuery({
    queryKey: ['decision-explanation', requestId],
    queryFn: async () => unwrap(await api.GET('/v1/decisions/{request_id}/explanation', { params: { path: { request_id: requestId } } })),
    staleTime: Infinity,
  });
  return (
    <section className="card" aria-labelledby="contributions-title">
      <h2 id="contributions-title">Why this score</h2>
      {explanation.isError ? (
        <p role="alert">{explanation.error.message}</p>
      ) : explanation.data === undefined ? (
        <p role="status">Explaining…</p>
      ) : (
        <ContributionChart contributions={Object.fromEntries(explanation.data.contributions.map((part) => [part.feature, part.contribution]))} />
      )}
    </section>
  );
}
