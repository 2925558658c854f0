import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../api/client';
import { useSession } from '../session/session';
import { useShortcuts } from '../components/use-shortcuts';
import type { CaseSummary } from './case-types';
import { emptyVerdict, VerdictFields, verdictReady, type Verdict } from './verdict-fields';

type Action =
  | { kind: 'assign'; assignee: string | null }
  | { kind: 'status'; status: 'open' | 'in_review' | 'escalated' }
  | ({ kind: 'resolve' } & Verdict)
  | { kind: 'reopen'; reason: string };

async function run(caseId: string, version: number, action: Action): Promise<CaseSummary> {
  const params = { path: { case_id: caseId } };
  switch (action.kind) {
    case 'assign':
      return unwrap(await api.POST('/v1/cases/{case_id}/assign', { params, body: { assignee: action.assignee, version } }));
    case 'status':
      return unwrap(await api.POST('/v1/cases/{case_id}/status', { params, body: { status: action.status, version } }));
    case 'resolve':
      return unwrap(await api.POST('/v1/cases/{case_id}/resolve', { params, body: { label: action.label, reason: action.reason, version } }));
    case 'reopen':
      return unwrap(await api.POST('/v1/cases/{case_id}/reopen', { params, body: { version, ...(action.reason === '' ? {} : { reason: action.reason }) } }));
  }
}

/**
 * Assign, move, resolve and reopen. Every action sends the version the analyst is looking at; when
 * someone else changed the case first the server answers 409, and the panel says so and reloads.
 */
export function CaseActionsPanel({ current }: { current: CaseSummary }) {
  const queryClient = useQueryClient();
  const { me } = useSession();
  const [verdict, setVerdict] = useState(emptyVerdict);
  const [reopenReason, setReopenReason] = useState('');
  const action = useMutation({
    mutationFn: (next: Action) => run(current.case_id, current.version, next),
    onSuccess: () => {
      setVerdict(emptyVerdict);
      setReopenReason('');
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['case', current.case_id] }),
  });
  const conflict = action.error instanceof ApiError && action.error.status === 409;
  const resolved = current.status === 'resolved';
  const mine = current.assignee !== null && current.assignee === me?.token_id;
  const reasonField = useRef<HTMLInputElement>(null);
  // One key picks the verdict and puts the cursor in the reason; Enter there resolves.
  const verdictKey = (label: Verdict['label']) => () => {
    if (resolved) return;
    setVerdict((current) => ({ ...current, label }));
    reasonField.current?.focus();
  };
  useShortcuts({ f: verdictKey('fraud'), l: verdictKey('legit') });
  const resolve = (event: FormEvent) => {
    event.preventDefault();
    action.mutate({ kind: 'resolve', ...verdict });
  };
  return (
    <section className="card" aria-labelledby="actions-title" aria-busy={action.isPending}>
      <h2 id="actions-title">Work the case</h2>
      {conflict && (
        <p role="alert" className="problem">
          Someone changed this case while you had it open; it has been reloaded. Check it and act again.
        </p>
      )}
      {action.isError && !conflict && (
        <p role="alert" className="problem">
          {action.error.message}
        </p>
      )}
      <div className="actions">
        {!mine && (
          <button type="button" disabled={action.isPending} onClick={() => action.mutate({ kind: 'assign', assignee: 'me' })}>
            Assign to me
          </button>
        )}
        {current.assignee !== null && (
          <button type="button" disabled={action.isPending} onClick={() => action.mutate({ kind: 'assign', assignee: null })}>
            Unassign
          </button>
        )}
        {!resolved && (
          <label>
            Status{' '}
            <select
              value={current.status}
              disabled={action.isPending}
              onChange={(event) => action.mutate({ kind: 'status', status: event.target.value as 'open' | 'in_review' | 'escalated' })}
            >
              <option value="open">open</option>
              <option value="in_review">in review</option>
              <option value="escalated">escalated</option>
            </select>
          </label>
        )}
      </div>
      {resolved ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            action.mutate({ kind: 'reopen', reason: reopenReason });
          }}
        >
          <label>
            Why reopen <input value={reopenReason} maxLength={2048} onChange={(event) => setReopenReason(event.target.value)} />
          </label>
          <button type="submit" disabled={action.isPending}>
            Reopen
          </button>
        </form>
      ) : (
        <form className="inline-form" onSubmit={resolve} aria-label="Resolve">
          <VerdictFields verdict={verdict} onChange={setVerdict} reasonRef={reasonField} />
          <button type="submit" className="primary" disabled={action.isPending || !verdictReady(verdict)}>
            Resolve
          </button>
          <p className="muted">
            <kbd>f</kbd> fraud, <kbd>l</kbd> legit, then the reason and <kbd>Enter</kbd>
          </p>
        </form>
      )}
    </section>
  );
}
