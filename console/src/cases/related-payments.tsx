import { useState } from 'react';
import { Link } from 'react-router';
import type { CaseDetail, RelatedPayment } from './case-types';

const relations = [
  { key: 'sender', label: 'Same sender' },
  { key: 'device', label: 'Same device' },
  { key: 'receiver', label: 'Same receiver' },
] as const;

/** Payments of the same sender, device or receiver in the 30 days before, with their decisions and labels. */
export function RelatedPayments({ related }: { related: CaseDetail['related'] }) {
  const [relation, setRelation] = useState<(typeof relations)[number]['key']>('sender');
  const rows: readonly RelatedPayment[] = related[relation];
  return (
    <section className="card" aria-labelledby="related-title">
      <h2 id="related-title">Related payments (30 days)</h2>
      <div role="tablist" aria-label="Related by" className="actions">
        {relations.map((item) => (
          <button key={item.key} type="button" role="tab" aria-selected={relation === item.key} className={relation === item.key ? 'primary' : undefined} onClick={() => setRelation(item.key)}>
            {item.label} ({related[item.key].length})
          </button>
        ))}
      </div>
      {rows.length === 0 ? (
        <p className="muted">No other payment in the window.</p>
      ) : (
        <div className="scroll-table" role="tabpanel">
          <table>
            <caption className="visually-hidden">{relations.find((item) => item.key === relation)?.label} payments</caption>
            <thead>
              <tr>
                <th scope="col">Transaction</th>
                <th scope="col">When</th>
                <th scope="col" className="number">
                  Amount
                </th>
                <th scope="col">Decision</th>
                <th scope="col">Label</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.tx_id}>
                  <th scope="row">{row.request_id === null ? row.tx_id : <Link to={`/decisions/${row.request_id}`}>{row.tx_id}</Link>}</th>
                  <td>{new Date(row.created_at).toLocaleString()}</td>
                  <td className="number">
                    {row.amount} {row.currency}
                  </td>
                  <td>{row.decision === null ? '—' : `${row.decision} (${row.risk_score})`}</td>
                  <td className={row.label === 'fraud' ? 'status-bad' : undefined}>{row.label === null ? '—' : `${row.label} (${row.label_source})`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
