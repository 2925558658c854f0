import { actionText, type RuleDetail } from './rule-types';

/** Every version of a rule, newest first: who wrote it when, and what it said. */
export function RuleVersions({ versions }: { versions: RuleDetail['versions'] }) {
  return (
    <section className="card" aria-labelledby="rule-versions-title">
      <h2 id="rule-versions-title">Versions ({versions.length})</h2>
      <ol className="versions" aria-label="Rule versions" reversed>
        {versions.map((version) => (
          <li key={version.version}>
            <strong>v{version.version}</strong> {version.name} · {actionText(version.action)} · {version.mode} · priority {version.priority}{' '}
            <span className="muted">
              {new Date(version.created_at).toLocaleString()} by {version.created_by}
            </span>
            <pre className="expression">{version.expression}</pre>
          </li>
        ))}
      </ol>
    </section>
  );
}
