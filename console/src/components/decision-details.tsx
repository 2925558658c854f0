/** One piece of evidence behind a decision, as the API returns it. */
export interface EvidenceItem {
  source: string;
  key: string;
  quote?: string;
  span?: string;
}

/** The reasons (stable codes, strongest first) and the evidence sentences of a decision. */
export function DecisionDetails({ reasons, evidence }: { reasons: readonly string[]; evidence: readonly EvidenceItem[] }) {
  return (
    <div className="decision-details">
      <section aria-labelledby="reasons-title">
        <h2 id="reasons-title">Reasons</h2>
        {reasons.length === 0 ? (
          <p className="muted">No feature pushed the score up noticeably.</p>
        ) : (
          <ol className="reasons">
            {reasons.map((reason) => (
              <li key={reason}>
                <code>{reason}</code>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="evidence-title">
        <h2 id="evidence-title">Evidence</h2>
        <ul className="evidence">
          {evidence.map((item, index) => (
            <li key={`${item.source}:${item.key}:${index}`}>
              <span className="evidence-source">{item.source}</span> <code>{item.key}</code>
              {item.quote !== undefined && <blockquote>{item.quote}</blockquote>}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
