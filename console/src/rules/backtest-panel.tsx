import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { ApiErrorNotice } from '../components/api-error-notice';
import { isoDay, lastThirtyDays } from '../components/day-range';
import type { Backtest, BacktestBody } from './rule-types';
import { actionText } from './rule-types';
import { DayRangeFields } from '../components/day-range-fields';

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)} %`);
const volume = (hits: { transactions: number; amount: Record<string, number> }) =>
  `${hits.transactions} (${Object.entries(hits.amount)
    .map(([currency, amount]) => `${amount.toLocaleString()} ${currency}`)
    .join(', ') || 'no amount'})`;

/**
 * Runs `POST /v1/rules/backtest` over a date range for what `target` names (a draft, or a stored
 * rule version) and shows what the rule would have done: hits by decision, labels, precision,
 * fraud it would have caught, the change of review rate and examples.
 */
export function BacktestPanel({ target, describe }: { target: () => Omit<BacktestBody, 'from' | 'to'>; describe: string }) {
  const [range, setRange] = useState(lastThirtyDays);
  const run = useMutation({
    mutationFn: async (body: BacktestBody) => unwrap(await api.POST('/v1/rules/backtest', { body })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run.mutate({ ...target(), from: isoDay(range.from), to: isoDay(range.to) });
  };
  return (
    <section className="card" aria-labelledby="backtest-title" aria-busy={run.isPending}>
      <h2 id="backtest-title">Backtest</h2>
      <form className="inline-form" onSubmit={submit} aria-label="Backtest range">
        <DayRangeFields value={range} onChange={setRange} />
        <button type="submit" disabled={run.isPending}>
          {run.isPending ? 'Running…' : `Backtest ${describe}`}
        </button>
      </form>
      <ApiErrorNotice id="backtest-problems" error={run.error} title="Backtest refused" />
      {run.data !== undefined && <BacktestResult result={run.data} />}
    </section>
  );
}

function BacktestResult({ result }: { result: Backtest }) {
  return (
    <div role="status" aria-label="Backtest result">
      <p>
        <code>{result.draft.expression}</code> → {actionText(result.draft.action)}
        {result.draft.rule_id !== null && ` (rule ${result.draft.rule_id}${result.draft.version === null ? '' : ` v${result.draft.version}`})`}, {new Date(result.from).toLocaleDateString()}–
        {new Date(result.to).toLocaleDateString()}
      </p>
      <dl className="facts" aria-label="Backtest figures">
        <dt>Decisions evaluated</dt>
        <dd>{result.evaluated}</dd>
        <dt>Hits</dt>
        <dd>{volume(result.hits)}</dd>
        <dt>Labels of hits</dt>
        <dd>
          {result.labels.fraud} fraud, {result.labels.legit} legit, {result.labels.unlabelled} unlabelled
        </dd>
        <dt>Precision</dt>
        <dd>{percent(result.precision)}</dd>
        <dt>Fraud it adds to what is caught</dt>
        <dd>{result.fraud_caught_missed_today}</dd>
        <dt>Review rate</dt>
        <dd>
          {percent(result.review_rate.before)} → {percent(result.review_rate.after)} ({result.review_rate.change >= 0 ? '+' : ''}
          {(result.review_rate.change * 100).toFixed(1)} points)
        </dd>
        <dt>Decisions changed</dt>
        <dd>{result.decisions_changed}</dd>
        <dt>Run-time errors</dt>
        <dd className={result.errors > 0 ? 'status-bad' : undefined}>
          {result.errors}
          {result.first_error !== null && ` (first: ${result.first_error})`}
        </dd>
      </dl>
      {Object.keys(result.hits_by_decision).length > 0 && (
        <table>
          <caption className="visually-hidden">Hits by decision with the rule in force</caption>
          <thead>
            <tr>
              <th scope="col">Decision with the rule</th>
              <th scope="col" className="number">
                Hits
              </th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(result.hits_by_decision).map(([decision, hits]) => (
              <tr key={decision}>
                <th scope="row">{decision}</th>
                <td className="number">{volume(hits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.examples.length > 0 && (
        <div className="scroll-table">
          <table>
            <caption>Examples ({result.examples.length})</caption>
            <thead>
              <tr>
                <th scope="col">Payment</th>
                <th scope="col">At</th>
                <th scope="col" className="number">
                  Amount
                </th>
                <th scope="col">Stored decision</th>
                <th scope="col">With the rule</th>
                <th scope="col">Label</th>
              </tr>
            </thead>
            <tbody>
              {result.examples.map((example) => (
                <tr key={`${example.tx_id}:${example.at}`}>
                  <th scope="row">{example.request_id === null ? example.tx_id : <Link to={`/decisions/${example.request_id}`}>{example.tx_id}</Link>}</th>
                  <td>{new Date(example.at).toLocaleString()}</td>
                  <td className="number">
                    {example.amount.toLocaleString()} {example.currency}
                  </td>
                  <td>{example.stored_decision ?? '—'}</td>
                  <td>{example.decision_with_rule ?? '—'}</td>
                  <td>{example.label ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
