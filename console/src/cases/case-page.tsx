import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import { DecisionDetails } from '../components/decision-details';
import { DecisionContributions } from '../components/decision-contributions';
import { DecisionRuleHits } from '../components/rule-hits';
import { CaseActionsPanel } from './case-actions-panel';
import { CaseEnrichment } from './case-enrichment';
import { CaseNotes } from './case-notes';
import { CaseTimelineList } from './case-timeline-list';
import { RelatedPayments } from './related-payments';
import type { CaseDecision } from './case-types';
import { slaState } from './sla';

const shown = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : String(value));

/** One case: what was paid, who the parties are, every decision, related payments, KYC, notes and the timeline. */
export function CasePage() {
  const caseId = useParams().caseId ?? '';
  const detail = useQuery({
    queryKey: ['case', caseId],
    queryFn: async () => unwrap(await api.GET('/v1/cases/{case_id}', { params: { path: { case_id: caseId } } })),
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 1,
  });
  if (detail.isPending) return <p role="status">Loading case {caseId}…</p>;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <div className="page">
        <h1>Case {caseId}</h1>
        <p role="alert" className="problem">
          {missing ? 'No case with this id in your tenant.' : detail.error.message}
        </p>
        <Link to="/cases">Back to the queue</Link>
      </div>
    );
  }
  const { case: current, transaction, entities, kyc_refs: kycRefs, labels, effective_label: effectiveLabel } = detail.data;
  const decisions = detail.data.decisions as unknown as CaseDecision[];
  const latest = decisions.at(-1);
  const sla = slaState(current.sla_due_at, Date.now());
  // Each party that sent KYC documents, with the name its name quotes are spans of.
  const parties = [...new Set(kycRefs.map((ref) => String(ref.entity_id)))].map((entityId) => {
    const entity = [entities.sender, entities.receiver].find((candidate) => candidate !== null && candidate.entity_id === entityId);
    return { entityId, name: typeof entity?.name === 'string' ? entity.name : null };
  });
  return (
    <div className="page case-page">
      <div className="page-heading">
        <h1>
          Case <code>{current.case_id}</code>
        </h1>
        <Link to="/cases">Back to the queue</Link>
      </div>
      <div className="two-columns">
        <div className="stack">
          <section className="card" aria-labelledby="case-summary-title">
            <h2 id="case-summary-title">Summary</h2>
            <dl className="facts" aria-label="Case facts">
              <dt>Status</dt>
              <dd>
                {current.status.replace('_', ' ')}
                {current.resolution !== null && ` (${current.resolution} by ${shown(current.resolved_by)})`}
              </dd>
              <dt>Decision</dt>
              <dd>
                <span className={`decision decision-${current.decision.toLowerCase()}`}>{current.decision}</span> score {current.risk_score}
              </dd>
              <dt>Priority</dt>
              <dd>{current.priority}</dd>
              <dt>SLA</dt>
              <dd className={current.status !== 'resolved' && sla.overdue ? 'status-bad' : undefined}>
                {new Date(current.sla_due_at).toLocaleString()} {current.status !== 'resolved' && `(${sla.text})`}
              </dd>
              <dt>Assignee</dt>
              <dd>{current.assignee ?? 'unassigned'}</dd>
              <dt>Effective label</dt>
              <dd>{effectiveLabel === null ? 'none yet' : `${effectiveLabel.label} (${effectiveLabel.source})`}</dd>
              <dt>Version</dt>
              <dd>{current.version}</dd>
            </dl>
          </section>
          <CaseActionsPanel current={current} />
          <section className="card" aria-labelledby="payment-title">
            <h2 id="payment-title">Payment</h2>
            {transaction === null ? (
              <p className="muted">The payment is not stored.</p>
            ) : (
              <dl className="facts">
                <dt>Transaction</dt>
                <dd>{shown(transaction.tx_id)}</dd>
                <dt>Amount</dt>
                <dd>
                  {shown(transaction.amount)} {shown(transaction.currency)}
                </dd>
                <dt>Channel</dt>
                <dd>{shown(transaction.channel)}</dd>
                <dt>Created</dt>
                <dd>{new Date(String(transaction.created_at)).toLocaleString()}</dd>
                <dt>Sender</dt>
                <dd>
                  {shown(transaction.sender_entity_id)} {entities.sender !== null && <span className="muted">({shown(entities.sender.entity_type)}, {shown(entities.sender.country)})</span>}
                </dd>
                <dt>Receiver</dt>
                <dd>
                  {shown(transaction.receiver_entity_id)} {entities.receiver !== null && <span className="muted">({shown(entities.receiver.entity_type)}, {shown(entities.receiver.country)})</span>}
                </dd>
                <dt>Merchant</dt>
                <dd>{shown(transaction.merchant_id)}</dd>
              </dl>
            )}
          </section>
          <section className="card" aria-labelledby="decisions-title">
            <h2 id="decisions-title">Decisions ({decisions.length})</h2>
            <ol>
              {decisions.map((decision) => (
                <li key={decision.request_id}>
                  <Link to={`/decisions/${decision.request_id}`}>{decision.request_id}</Link> {decision.decision} · score {decision.risk_score} ·{' '}
                  <span className="muted">
                    {new Date(decision.scored_at).toLocaleString()} · {decision.model_version}
                  </span>
                </li>
              ))}
            </ol>
            {latest !== undefined && <DecisionDetails reasons={latest.reasons} evidence={latest.evidence} />}
          </section>
          {latest !== undefined && <DecisionRuleHits requestId={latest.request_id} />}
          {latest !== undefined && <DecisionContributions requestId={latest.request_id} />}
        </div>
        <div className="stack">
          <RelatedPayments related={detail.data.related} />
          <CaseEnrichment parties={parties} />
          <section className="card" aria-labelledby="labels-title">
            <h2 id="labels-title">Labels ({labels.length})</h2>
            {labels.length === 0 ? (
              <p className="muted">No label yet.</p>
            ) : (
              <ul>
                {labels.map((label, index) => (
                  <li key={`${String(label.created_at)}:${index}`}>
                    <strong>{shown(label.label)}</strong> from {shown(label.source)} · {shown(label.reason)}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <CaseNotes caseId={current.case_id} notes={detail.data.notes} />
          <CaseTimelineList timeline={detail.data.timeline} />
        </div>
      </div>
    </div>
  );
}
