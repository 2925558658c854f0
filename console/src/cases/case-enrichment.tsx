import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { QuotedSpan } from '../components/quoted-span';
import { useSession } from '../session/session';

type Enrichment = paths['/v1/enrichment/{entity_id}']['get']['responses'][200]['content']['application/json'];
type EnrichedDocument = Enrichment['documents'][number];

/** A signal's value as people read it. */
function signalText(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.join(', ');
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  return value === null || value === undefined ? '—' : String(value);
}

/** The raised signals first (true booleans), then the rest. */
function signalEntries(signals: Record<string, unknown> | null): [string, unknown][] {
  return Object.entries(signals ?? {}).sort(([, a], [, b]) => Number(b === true) - Number(a === true));
}

/**
 * The KYC/KYB enrichment of each party with documents: its signals, and per document its status,
 * list matches and evidence, each quote highlighted where it stands in the masked document text or
 * the entity's name. Polls while a document is still being analysed.
 */
export function CaseEnrichment({ parties }: { parties: readonly { entityId: string; name: string | null }[] }) {
  return (
    <section className="card" aria-labelledby="kyc-signals-title">
      <h2 id="kyc-signals-title">KYC signals</h2>
      {parties.length === 0 ? <p className="muted">The payment came with no KYC reference.</p> : parties.map((party) => <PartyEnrichment key={party.entityId} {...party} />)}
    </section>
  );
}

function PartyEnrichment({ entityId, name }: { entityId: string; name: string | null }) {
  const enrichment = useQuery({
    queryKey: ['enrichment', entityId],
    queryFn: async () => unwrap(await api.GET('/v1/enrichment/{entity_id}', { params: { path: { entity_id: entityId } } })),
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 1,
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 3_000 : false),
  });
  const headingId = `kyc-${entityId.replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={headingId} className="party-enrichment">
      <h3 id={headingId}>
        {entityId} {name !== null && <span className="muted">({name})</span>} {enrichment.data !== undefined && <span className={`kyc-status kyc-${enrichment.data.status}`}>{enrichment.data.status}</span>}
      </h3>
      {enrichment.isPending && <p role="status">Loading enrichment…</p>}
      {enrichment.isError && <p className={enrichment.error instanceof ApiError && enrichment.error.status === 404 ? 'muted' : 'problem'}>{enrichment.error.message}</p>}
      {enrichment.data !== undefined && (
        <>
          <dl className="facts signals" aria-label={`Signals of ${entityId}`}>
            {signalEntries(enrichment.data.signals).map(([key, value]) => (
              <div key={key} className={value === true ? 'raised' : undefined}>
                <dt>
                  <code>{key}</code>
                </dt>
                <dd>{signalText(value)}</dd>
              </div>
            ))}
          </dl>
          {enrichment.data.documents.map((document) => (
            <DocumentEnrichment key={document.ref_key} document={document} entityName={name} />
          ))}
        </>
      )}
    </section>
  );
}

function DocumentEnrichment({ document, entityName }: { document: EnrichedDocument; entityName: string | null }) {
  const { me } = useSession();
  return (
    <details className="document-enrichment" open={document.evidence.length > 0 || document.status !== 'ready'}>
      <summary>
        Document <code>{(document.doc_hash ?? document.ref_key).slice(0, 12)}</code> · {document.status}
        {document.provider !== null && ` · ${document.llm_version ?? document.provider}`}
        {document.analysed_at !== null && ` · ${new Date(document.analysed_at).toLocaleString()}`}
      </summary>
      {document.last_error !== null && (
        <p className="problem">
          {document.last_error}
          {me?.role === 'admin' && document.job_id !== null && (
            <>
              {' '}
              (<Link to={`/admin/jobs?status=${document.status}`}>job {document.job_id}</Link>)
            </>
          )}
        </p>
      )}
      {document.matches.length > 0 && (
        <ul className="matches" aria-label="List matches">
          {document.matches.map((match) => (
            <li key={`${match.list}:${match.entry_id}:${match.screened_name}`}>
              <strong>{match.list}</strong> {match.entry_name} <span className="muted">({match.dataset}, {match.sanctions})</span> — “{match.screened_name}” matched “{match.matched_name}”, score{' '}
              {match.score.toFixed(2)}
            </li>
          ))}
        </ul>
      )}
      {document.evidence.length > 0 && (
        <ul className="evidence" aria-label="Evidence">
          {document.evidence.map((item, index) => (
            <li key={`${item.key}:${item.span ?? index}`}>
              <code>{item.key}</code> <span className="evidence-source">{item.source === 'kyc_entity_name' ? 'entity name' : 'document'}</span>
              <QuotedSpan
                text={item.source === 'kyc_entity_name' ? entityName : document.text}
                span={item.span}
                quote={item.quote}
                sourceLabel={item.source === 'kyc_entity_name' ? 'the entity name' : 'the document text'}
              />
            </li>
          ))}
        </ul>
      )}
      {document.dropped_quotes > 0 && <p className="muted">{document.dropped_quotes} quotes of the provider were dropped: not found verbatim at their place.</p>}
    </details>
  );
}
