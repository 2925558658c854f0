import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, problemsOf, unwrap } from '../api/client';
import { ProblemList } from '../components/problem-list';
import { ThresholdEffectTable } from './threshold-effect-table';

type ThresholdFields = { review_at: number; hold_at: number; block_at: number };
const fields = [
  { name: 'review_at', label: 'Review at', help: 'Scores at or above this go to an analyst (REVIEW).' },
  { name: 'hold_at', label: 'Hold at', help: 'Scores at or above this hold the payment (HOLD).' },
  { name: 'block_at', label: 'Block at', help: 'Scores at or above this block the payment (BLOCK).' },
] as const;

/** The proposed values a short while after the last keystroke, so typing does not flood the server. */
function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/** Admin: the decision thresholds, with their effect on the last 30 days of decisions before saving. */
export function ThresholdsPage() {
  const queryClient = useQueryClient();
  const current = useQuery({ queryKey: ['thresholds'], queryFn: async () => unwrap(await api.GET('/v1/admin/thresholds')) });
  const [draft, setDraft] = useState<ThresholdFields | undefined>(undefined);
  const values = draft ?? (current.data === undefined ? undefined : { review_at: current.data.review_at, hold_at: current.data.hold_at, block_at: current.data.block_at });
  const settled = useSettled(values, 250);
  const preview = useQuery({
    queryKey: ['threshold-preview', settled],
    enabled: settled !== undefined,
    queryFn: async () => unwrap(await api.POST('/v1/admin/thresholds/preview', { body: settled! })),
    placeholderData: (previous) => previous,
    retry: false,
  });
  const save = useMutation({
    mutationFn: async (body: ThresholdFields) => unwrap(await api.PUT('/v1/admin/thresholds', { body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(['thresholds'], saved);
      setDraft(undefined);
      void queryClient.invalidateQueries({ queryKey: ['threshold-preview'] });
    },
  });

  if (current.isPending) return <p role="status">Loading thresholds…</p>;
  if (current.isError || values === undefined) return <p role="alert">{current.error?.message}</p>;
  const changed = current.data.review_at !== values.review_at || current.data.hold_at !== values.hold_at || current.data.block_at !== values.block_at;
  const problems = [preview.error, save.error].flatMap(problemsOf);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (changed && window.confirm(`Save thresholds review ${values.review_at}, hold ${values.hold_at}, block ${values.block_at}? They apply to the next request.`)) {
      save.mutate(values);
    }
  };

  return (
    <div className="page thresholds">
      <h1>Decision thresholds</h1>
      <div className="two-columns">
        <form className="card" onSubmit={submit} aria-labelledby="thresholds-form-title">
          <h2 id="thresholds-form-title">Thresholds (risk score 0–1000)</h2>
          {fields.map((field) => (
            <div className="field" key={field.name}>
              <label htmlFor={field.name}>{field.label}</label>
              <input
                id={field.name}
                type="number"
                min={0}
                max={1000}
                step={1}
                required
                value={Number.isNaN(values[field.name]) ? '' : values[field.name]}
                onChange={(event) => setDraft({ ...values, [field.name]: event.target.valueAsNumber })}
                aria-describedby={`${field.name}-help`}
                aria-invalid={problems.some((problem) => problem.path.endsWith(field.name))}
              />
              <span id={`${field.name}-help`} className="help">
                {field.help}
              </span>
            </div>
          ))}
          <ProblemList id="threshold-problems" title="Not valid" problems={problems} />
          <p className="muted">
            In force since {current.data.updated_at === null ? 'installation (defaults)' : `${new Date(current.data.updated_at).toLocaleString()} by ${current.data.updated_by}`}.
          </p>
          <div className="actions">
            <button type="submit" className="primary" disabled={!changed || save.isPending || problems.length > 0}>
              {save.isPending ? 'Saving…' : 'Save thresholds'}
            </button>
            <button type="button" disabled={!changed} onClick={() => setDraft(undefined)}>
              Undo changes
            </button>
          </div>
          {save.isSuccess && !changed && (
            <p role="status" className="status-ok">
              Saved; the next scoring request uses them.
            </p>
          )}
        </form>
        <section className="card" aria-labelledby="preview-title" aria-busy={preview.isFetching}>
          <h2 id="preview-title">Effect on the last 30 days</h2>
          {preview.data === undefined ? <p role="status">Computing…</p> : <ThresholdEffectTable preview={preview.data} />}
        </section>
      </div>
    </div>
  );
}
