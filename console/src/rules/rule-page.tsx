import { useState } from 'react';
import { useMutation, useQuery, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import { ApiErrorNotice } from '../components/api-error-notice';
import { BacktestPanel } from './backtest-panel';
import { actionOf, bodyOf, draftOf, RuleForm, type RuleDraft } from './rule-form';
import { actionText, type RuleBody, type RuleDetail } from './rule-types';
import { RuleVersions } from './rule-versions';

type StateChange = 'enable' | 'disable' | 'archive';

async function changeState(ruleId: string, change: StateChange) {
  const params = { path: { id: ruleId } };
  if (change === 'archive') return unwrap(await api.DELETE('/v1/rules/{id}', { params }));
  return unwrap(change === 'enable' ? await api.POST('/v1/rules/{id}/enable', { params }) : await api.POST('/v1/rules/{id}/disable', { params }));
}

/** Admin: one rule — its state (enable, disable, archive), an editor that saves the next version, a backtest and every version. */
export function RulePage() {
  const ruleId = useParams().ruleId ?? '';
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: ['rule', ruleId],
    queryFn: async () => unwrap(await api.GET('/v1/rules/{id}', { params: { path: { id: ruleId } } })),
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 1,
  });
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['rule', ruleId] }), queryClient.invalidateQueries({ queryKey: ['rules'] })]);
  const state = useMutation({ mutationFn: (change: StateChange) => changeState(ruleId, change), onSettled: refresh });

  if (detail.isPending) return <p role="status">Loading rule {ruleId}…</p>;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <div className="page">
        <h1>Rule {ruleId}</h1>
        <p role="alert" className="problem">
          {missing ? 'No rule with this id in your tenant.' : detail.error.message}
        </p>
        <Link to="/admin/rules">All rules</Link>
      </div>
    );
  }
  return <RuleWorkspace key={detail.data.version} rule={detail.data} state={state} onSaved={refresh} />;
}

/**
 * The page of one loaded rule version: facts and state buttons, the editor of the next version
 * (starting from this one), a backtest of what the editor holds (of the stored version once
 * archived) and the versions.
 */
function RuleWorkspace({ rule, state, onSaved }: { rule: RuleDetail; state: UseMutationResult<unknown, Error, StateChange>; onSaved: () => Promise<unknown> }) {
  const archived = rule.status === 'archived';
  const [draft, setDraft] = useState<RuleDraft>(() => draftOf(rule));
  const save = useMutation({
    mutationFn: async (body: RuleBody) => unwrap(await api.PUT('/v1/rules/{id}', { params: { path: { id: rule.rule_id } }, body })),
    onSuccess: onSaved,
  });
  return (
    <div className="page rule">
      <div className="page-heading">
        <h1>Rule “{rule.name}”</h1>
        <Link to="/admin/rules">All rules</Link>
      </div>
      <div className="two-columns wide-left">
        <div className="stack">
          <section className="card" aria-labelledby="rule-state-title" aria-busy={state.isPending}>
            <h2 id="rule-state-title">Version {rule.version}</h2>
            <dl className="facts" aria-label="Rule facts">
              <dt>Id</dt>
              <dd>
                <code>{rule.rule_id}</code>
              </dd>
              <dt>State</dt>
              <dd>{archived ? 'archived' : rule.enabled ? 'enabled' : 'disabled'}</dd>
              <dt>Action</dt>
              <dd>{actionText(rule.action)}</dd>
              <dt>Mode</dt>
              <dd>{rule.mode}</dd>
              <dt>Priority</dt>
              <dd>{rule.priority}</dd>
              <dt>Owner</dt>
              <dd>{rule.owner ?? '—'}</dd>
              <dt>Tags</dt>
              <dd>{rule.tags.length === 0 ? '—' : rule.tags.join(', ')}</dd>
              <dt>Changed</dt>
              <dd>{new Date(rule.updated_at).toLocaleString()}</dd>
            </dl>
            <pre className="expression">{rule.expression}</pre>
            {!archived && (
              <div className="actions">
                <button type="button" disabled={state.isPending} onClick={() => state.mutate(rule.enabled ? 'disable' : 'enable')}>
                  {rule.enabled ? 'Disable' : 'Enable'}
                </button>
                <button
                  type="button"
                  disabled={state.isPending}
                  onClick={() => window.confirm(`Archive “${rule.name}”? It stops at once; its versions and audit trail stay.`) && state.mutate('archive')}
                >
                  Archive
                </button>
              </div>
            )}
            <ApiErrorNotice id="rule-state-problems" error={state.error} title="Not changed" />
          </section>
          {!archived && (
            <RuleForm
              title={`Edit (saves version ${rule.version + 1})`}
              submitLabel="Save new version"
              draft={draft}
              onChange={setDraft}
              onSubmit={() => save.mutate(bodyOf(draft))}
              pending={save.isPending}
              error={save.error}
              sentExpression={save.variables?.expression}
            />
          )}
        </div>
        <div className="stack">
          {archived ? (
            <BacktestPanel describe={`version ${rule.version}`} target={() => ({ rule_id: rule.rule_id, version: rule.version })} />
          ) : (
            <BacktestPanel describe="the editor's rule" target={() => ({ rule_id: rule.rule_id, expression: draft.expression, action: actionOf(draft) })} />
          )}
          <RuleVersions versions={rule.versions} />
        </div>
      </div>
    </div>
  );
}
