import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { ApiErrorNotice } from '../components/api-error-notice';

type JobStatus = NonNullable<NonNullable<paths['/v1/admin/jobs']['get']['parameters']['query']>['status']>;
const statuses: readonly { value: JobStatus; help: string }[] = [
  { value: 'queued', help: 'waiting to run' },
  { value: 'running', help: 'a worker has it' },
  { value: 'failed', help: 'waiting for a retry' },
  { value: 'dead', help: 'gave up: dead letters' },
  { value: 'done', help: 'finished' },
];
const retryable = new Set<string>(['failed', 'dead']);
const when = (value: string | null) => (value === null ? '—' : new Date(value).toLocaleString());

/** Admin: the tenant's background jobs (KYC enrichment), newest first, by status (kept in the address), with retry of failed and dead ones. */
export function JobsPage() {
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const status = statuses.find((item) => item.value === search.get('status'))?.value;
  const jobs = useQuery({
    queryKey: ['jobs', status],
    queryFn: async () => unwrap(await api.GET('/v1/admin/jobs', { params: { query: status === undefined ? {} : { status } } })),
    refetchInterval: 10_000,
  });
  const retry = useMutation({
    mutationFn: async (id: string) => unwrap(await api.POST('/v1/admin/jobs/{id}/retry', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['jobs'] }),
  });
  return (
    <div className="page jobs">
      <h1>Background jobs</h1>
      <form className="inline-form card" aria-label="Job filter" onSubmit={(event) => event.preventDefault()}>
        <label>
          Status{' '}
          <select value={status ?? ''} onChange={(event) => setSearch(event.target.value === '' ? {} : { status: event.target.value })}>
            <option value="">all</option>
            {statuses.map((item) => (
              <option key={item.value} value={item.value}>
                {item.value} ({item.help})
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={jobs.isFetching} onClick={() => void jobs.refetch()}>
          Refresh
        </button>
      </form>
      {retry.isSuccess && (
        <p role="status" className="status-ok">
          Job {retry.data.id} is queued again with a fresh attempt budget.
        </p>
      )}
      <ApiErrorNotice id="retry-problems" error={retry.error} title="Not retried" />
      {jobs.isError && <p role="alert">{jobs.error.message}</p>}
      {jobs.data === undefined ? (
        !jobs.isError && <p role="status">Loading jobs…</p>
      ) : jobs.data.jobs.length === 0 ? (
        <p>No {status ?? ''} job.</p>
      ) : (
        <div className="card scroll-table">
          <table>
            <caption className="visually-hidden">Jobs, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Status</th>
                <th scope="col" className="number">
                  Attempts
                </th>
                <th scope="col">Next run / lease</th>
                <th scope="col">Last error</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {jobs.data.jobs.map((job) => (
                <tr key={job.id}>
                  <th scope="row">
                    {job.kind} <span className="muted">{job.id}</span>
                  </th>
                  <td className={job.status === 'dead' || job.status === 'failed' ? 'status-bad' : undefined}>{job.status}</td>
                  <td className="number">{job.attempts}</td>
                  <td>{job.status === 'done' || job.status === 'dead' ? when(job.finished_at) : when(job.run_after)}</td>
                  <td>{job.last_error ?? ''}</td>
                  <td>{when(job.created_at)}</td>
                  <td>
                    {retryable.has(job.status) && (
                      <button type="button" aria-label={`Retry ${job.id}`} disabled={retry.isPending} onClick={() => retry.mutate(job.id)}>
                        Retry
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
