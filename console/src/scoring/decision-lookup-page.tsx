import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';

/** Find a stored decision by the request_id a scoring answer returned. */
export function DecisionLookupPage() {
  const navigate = useNavigate();
  const [requestId, setRequestId] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const id = requestId.trim();
    if (id !== '') void navigate(`/decisions/${encodeURIComponent(id)}`);
  };
  return (
    <div className="page">
      <h1>Decisions</h1>
      <form className="card inline-form" onSubmit={submit} role="search" aria-label="Find a decision">
        <label htmlFor="request-id">Decision reference (request_id)</label>
        <input id="request-id" value={requestId} onChange={(event) => setRequestId(event.target.value)} placeholder="dec_…" autoFocus required />
        <button type="submit" className="primary">
          Open
        </button>
      </form>
      <p className="muted">Every scoring answer carries a <code>request_id</code>; its stored record shows the features, model and thresholds that decided.</p>
    </div>
  );
}
