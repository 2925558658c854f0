import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { emptyVerdict, VerdictFields, verdictReady } from './verdict-fields';

/** Resolves the selected cases with one verdict; each case's own result (or error) is listed. */
export function BulkResolveForm({ selected, onDone }: { selected: ReadonlyMap<string, number>; onDone: () => void }) {
  const [verdict, setVerdict] = useState(emptyVerdict);
  const resolve = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/v1/cases/bulk-resolve', {
          body: { items: [...selected].map(([case_id, version]) => ({ case_id, version })), ...verdict },
        }),
      ),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    resolve.mutate(undefined, { onSuccess: (answer) => answer.results.every((result) => result.status === 'resolved') && onDone() });
  };
  const failed = resolve.data?.results.filter((result) => result.status === 'error') ?? [];
  return (
    <form className="card inline-form" aria-label="Resolve selected cases" onSubmit={submit}>
      <strong>{selected.size} selected</strong>
      <VerdictFields verdict={verdict} onChange={setVerdict} />
      <button type="submit" className="primary" disabled={resolve.isPending || !verdictReady(verdict)}>
        Resolve {selected.size}
      </button>
      {resolve.isError && <p role="alert">{resolve.error.message}</p>}
      {failed.length > 0 && (
        <div role="alert" className="problems">
          <h3>Not resolved</h3>
          <ul>
            {failed.map((result) => (
              <li key={result.case_id}>
                <code>{result.case_id}</code> {result.error?.message}
              </li>
            ))}
          </ul>
          <button type="button" onClick={onDone}>
            Reload the queue
          </button>
        </div>
      )}
    </form>
  );
}
