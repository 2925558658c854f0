import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useSession } from '../session/session';
import { ModelComparison } from './model-comparison';
import { ModelUploadForm } from './model-upload-form';
import { figure, validationFigures, type ModelVersion } from './model-types';

const maxCompared = 3;
const when = (value: string | null) => (value === null ? '—' : new Date(value).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' }));

/** The versions compared until the admin chooses: the active one and the newest other. */
function defaultChoice(items: readonly ModelVersion[]): string[] {
  const active = items.find((item) => item.active);
  const other = items.find((item) => !item.active);
  return [active, other].filter((item): item is ModelVersion => item !== undefined).map((item) => item.version);
}

/**
 * Admin: the model registry. Versions with their validation figures side by side, the chosen ones'
 * curves and feature importance, activation after a confirmation, and registration of an artifact.
 */
export function ModelsPage() {
  const queryClient = useQueryClient();
  const { me } = useSession();
  const models = useQuery({ queryKey: ['models'], queryFn: async () => unwrap(await api.GET('/v1/admin/models')) });
  const [chosen, setChosen] = useState<string[] | undefined>(undefined);
  const activate = useMutation({
    mutationFn: async (version: string) => unwrap(await api.POST('/v1/admin/models/{version}/activate', { params: { path: { version } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['models'] }),
  });
  const items = models.data?.items ?? [];
  const compared = chosen ?? defaultChoice(items);
  const toggle = (version: string) => setChosen(compared.includes(version) ? compared.filter((item) => item !== version) : [...compared, version].slice(-maxCompared));
  const confirmActivation = (version: ModelVersion) => {
    const current = models.data?.active?.version ?? 'none';
    if (window.confirm(`Activate ${version.version}? Payments of tenant ${me?.tenant_id ?? ''} are scored with it from the next request (every server within 2 seconds). Active now: ${current}.`)) {
      activate.mutate(version.version);
    }
  };
  return (
    <div className="page models">
      <h1>Models</h1>
      <section className="card" aria-labelledby="versions-title">
        <h2 id="versions-title">Versions of tenant {me?.tenant_id}</h2>
        {models.isError && <p role="alert">{models.error.message}</p>}
        {activate.isError && <p role="alert">{activate.error.message}</p>}
        {activate.isSuccess && (
          <p role="status">
            <code>{activate.data.version}</code> is active: the next payment is scored with it.
          </p>
        )}
        {models.data === undefined ? (
          <p role="status">Loading versions…</p>
        ) : items.length === 0 ? (
          <p>No version yet: the tenant gets the default model with its first payment.</p>
        ) : (
          <div className="scroll-table">
            <table className="models-table">
              <caption className="visually-hidden">Model versions with their validation figures</caption>
              <thead>
                <tr>
                  <th scope="col">Compare</th>
                  <th scope="col">Version</th>
                  <th scope="col">Trained</th>
                  <th scope="col">Registered</th>
                  <th scope="col">Last activated</th>
                  <th scope="col" className="number">
                    Valid AUC
                  </th>
                  <th scope="col" className="number">
                    Valid avg precision
                  </th>
                  <th scope="col" className="number">
                    Card precision@100
                  </th>
                  <th scope="col" className="number">
                    Log loss
                  </th>
                  <th scope="col" className="number">
                    Trees
                  </th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => {
                  const figures = validationFigures(item);
                  return (
                    <tr key={item.version} aria-current={item.active ? 'true' : undefined}>
                      <td>
                        <input type="checkbox" aria-label={`Compare ${item.version}`} checked={compared.includes(item.version)} onChange={() => toggle(item.version)} />
                      </td>
                      <th scope="row">
                        {item.name ?? 'model'}
                        <code className="muted version-id">{item.version}</code>
                      </th>
                      <td>{item.trained_at === null ? '—' : when(item.trained_at)}</td>
                      <td>
                        {when(item.registered_at)}
                        <span className="muted registered-by">by {item.registered_by}</span>
                      </td>
                      <td>{when(item.last_activated_at)}</td>
                      <td className="number">{figure(figures.auc)}</td>
                      <td className="number">{figure(figures.average_precision)}</td>
                      <td className="number">{figure(figures.card_precision_at_100)}</td>
                      <td className="number">{figure(figures.log_loss)}</td>
                      <td className="number">{item.trees ?? '—'}</td>
                      <td>
                        {item.active ? (
                          <strong className="status-ok">active</strong>
                        ) : (
                          <button type="button" disabled={activate.isPending} onClick={() => confirmActivation(item)}>
                            Activate {item.name ?? item.version}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <p className="muted">Validation figures are the ones the trainer stored in the artifact (its validation window); “—” when the artifact has none.</p>
      </section>
      <section className="card stack" aria-label="Compared versions">
        <ModelComparison versions={compared} />
      </section>
      <ModelUploadForm />
    </div>
  );
}
