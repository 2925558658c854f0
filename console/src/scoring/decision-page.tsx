import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import { ScoreGauge } from '../components/score-gauge';
import { DecisionDetails } from '../components/decision-details';
import { DecisionContributions } from '../components/decision-contributions';
import { RuleHits } from '../components/rule-hits';

/** The stored record of one decision: score, reasons, evidence, features, model and thresholds. */
export function DecisionPage() {
  const requestId = useParams().requestId ?? '';
  const decision = useQuery({
    queryKey: ['decision', requestId],
    queryFn: async () => unwrap(await api.GET('/v1/decisions/{request_id}', { params: { path: { request_id: requestId } } })),
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 1,
  });
  if (decision.isPending) return <p role="status">Loading decision {requestId}…</p>;
  if (decision.isError) {
    const missing = decision.error instanceof ApiError && decision.error.status === 404;
    return (
      <div className="page">
        <h1>Decision {requestId}</h1>
        <p role="alert" className="problem">
          {missing ? 'No decision with this reference in your tenant.' : decision.error.message}
        </p>
        <Link to="/decisions">Look up another decision</Link>
      </div>
    );
  }
  const record = decision.data;
  const features = Object.entries(record.features).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="page decision-page">
      <h1>
        Decision <code>{record.request_id}</code>
      </h1>
      <div className="two-columns">
        <section className="card" aria-labelledby="summary-title">
          <h2 id="summary-title">Summary</h2>
          <ScoreGauge
            score={record.risk_score}
            decision={record.decision}
            thresholds={{ reviewAt: record.thresholds.review_at, holdAt: record.thresholds.hold_at, blockAt: record.thresholds.block_at }}
          />
          <dl className="facts">
            <dt>Transaction</dt>
            <dd>{record.tx_id}</dd>
            <dt>Scored at</dt>
            <dd>{new Date(record.scored_at).toLocaleString()}</dd>
            <dt>Probability</dt>
            <dd>{(record.probability * 100).toFixed(1)} %</dd>
            <dt>Thresholds</dt>
            <dd>
              review {record.thresholds.review_at} · hold {record.thresholds.hold_at} · block {record.thresholds.block_at}
            </dd>
            <dt>Model</dt>
            <dd>{record.model_version}</dd>
            <dt>Compute time</dt>
            <dd>{record.compute_ms.toFixed(2)} ms</dd>
            <dt>Source</dt>
            <dd>{record.source}</dd>
            <dt>Case</dt>
            <dd>
              {record.case === null ? (
                'none (PASS makes no case)'
              ) : (
                <>
                  <Link to={`/cases/${record.case.case_id}`}>{record.case.case_id}</Link> ({record.case.status})
                </>
              )}
            </dd>
          </dl>
          <DecisionDetails reasons={record.reasons} evidence={record.evidence} />
        </section>
        <div className="stack">
        <RuleHits ruleHits={record.rule_hits} />
        <DecisionContributions requestId={requestId} />
        <section className="card" aria-labelledby="features-title">
          <h2 id="features-title">Features ({features.length})</h2>
          <div className="scroll-table">
            <table>
              <caption className="visually-hidden">Model features of this decision</caption>
              <thead>
                <tr>
                  <th scope="col">Feature</th>
                  <th scope="col" className="number">
                    Value
                  </th>
                </tr>
              </thead>
              <tbody>
                {features.map(([name, value]) => (
                  <tr key={name}>
                    <th scope="row">
                      <code>{name}</code>
                    </th>
                    <td className="number">{value === null ? '—' : Number.isInteger(value) ? value : value.toFixed(4)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        </div>
      </div>
    </div>
  );
}
