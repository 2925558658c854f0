import { useDeferredValue, useMemo, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { fetchRequestSchema } from '../api/request-schema';
import { ScoreGauge } from '../components/score-gauge';
import { DecisionDetails } from '../components/decision-details';
import { ProblemList, type Problem } from '../components/problem-list';
import { checkAgainstSchema, parseRequest, requestValidator } from './request-validation';
import { exampleScoreRequest } from './score-example';

type ScoreRequest = paths['/v1/risk/score']['post']['requestBody']['content']['application/json'];
type ScoreResponse = paths['/v1/risk/score']['post']['responses'][200]['content']['application/json'];

/** Score a hand-written request: validated against the API's schema while typing, then sent to /v1/risk/score. */
export function ManualScorePage() {
  const [text, setText] = useState(() => exampleScoreRequest());
  const deferredText = useDeferredValue(text);
  const schema = useQuery({ queryKey: ['request-schema', '/v1/risk/score'], queryFn: () => fetchRequestSchema('/v1/risk/score', 'post'), staleTime: Infinity });
  const validator = useMemo(() => (schema.data === undefined ? undefined : requestValidator(schema.data)), [schema.data]);
  const check = useMemo(() => {
    const parsed = parseRequest(deferredText);
    if (!parsed.ok || validator === undefined) return parsed;
    return checkAgainstSchema(validator, parsed.value);
  }, [deferredText, validator]);

  const [saveAsCase, setSaveAsCase] = useState(false);
  const score = useMutation({
    mutationFn: async (body: ScoreRequest): Promise<ScoreResponse> =>
      unwrap(await api.POST('/v1/risk/score', { body, params: { query: saveAsCase ? { save_as_case: 'true' } : {} } })),
  });
  const serverProblems: Problem[] =
    score.error instanceof ApiError ? (score.error.body?.error.details.length ? score.error.body.error.details : [{ path: '/', message: score.error.message }]) : [];

  const submit = () => {
    const parsed = parseRequest(text);
    if (parsed.ok && (validator === undefined || checkAgainstSchema(validator, parsed.value).ok)) score.mutate(parsed.value as ScoreRequest);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };
  const valid = check.ok && validator !== undefined && text === deferredText;

  return (
    <div className="page manual-score">
      <h1>Manual score</h1>
      <div className="two-columns">
        <section aria-labelledby="request-title" className="card">
          <h2 id="request-title">Request</h2>
          <label htmlFor="score-request">
            Scoring request (JSON, as sent to <code>POST /v1/risk/score</code>)
          </label>
          <textarea
            id="score-request"
            className="json-editor"
            spellCheck={false}
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={onKeyDown}
            aria-invalid={!check.ok}
            aria-describedby="request-status request-problems"
            rows={26}
          />
          <p id="request-status" className={check.ok ? 'status-ok' : 'status-bad'} role="status">
            {schema.isError ? 'The API schema could not be loaded; the server will still check the request.' : check.ok ? (validator === undefined ? 'Valid JSON; loading the API schema…' : 'Valid against the API schema.') : `${check.problems.length} problem${check.problems.length === 1 ? '' : 's'}`}
          </p>
          <ProblemList id="request-problems" title="Problems" problems={check.ok ? [] : check.problems} />
          <label className="checkbox">
            <input type="checkbox" checked={saveAsCase} onChange={(event) => setSaveAsCase(event.target.checked)} /> Save as a case (opened whatever the
            decision, marked manual)
          </label>
          <div className="actions">
            <button type="button" className="primary" onClick={submit} disabled={!valid || score.isPending}>
              {score.isPending ? 'Scoring…' : 'Score'} <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
            </button>
            <button type="button" onClick={() => setText(exampleScoreRequest())}>
              Reset to the example
            </button>
          </div>
        </section>
        <section aria-labelledby="answer-title" className="card" aria-live="polite">
          <h2 id="answer-title">Answer</h2>
          <ProblemList id="server-problems" title="The server refused the request" problems={serverProblems} />
          {score.data === undefined ? (
            serverProblems.length === 0 && <p className="muted">Score the request to see the risk score, decision, reasons and evidence.</p>
          ) : (
            <ScoreAnswer answer={score.data} />
          )}
        </section>
      </div>
    </div>
  );
}

function ScoreAnswer({ answer }: { answer: ScoreResponse }) {
  // The answer does not carry the thresholds; the stored decision does, so the gauge can show its bands.
  const stored = useQuery({
    queryKey: ['decision', answer.request_id],
    queryFn: async () => unwrap(await api.GET('/v1/decisions/{request_id}', { params: { path: { request_id: answer.request_id } } })),
  });
  return (
    <div className="score-answer">
      <ScoreGauge
        score={answer.risk_score}
        decision={answer.decision}
        thresholds={stored.data === undefined ? undefined : { reviewAt: stored.data.thresholds.review_at, holdAt: stored.data.thresholds.hold_at, blockAt: stored.data.thresholds.block_at }}
      />
      <dl className="facts">
        <dt>Decision reference</dt>
        <dd>
          <Link to={`/decisions/${encodeURIComponent(answer.request_id)}`}>{answer.request_id}</Link>
        </dd>
        <dt>Case</dt>
        <dd>{stored.data === undefined ? '…' : stored.data.case === null ? <span className="muted">none opened</span> : <Link to={`/cases/${encodeURIComponent(stored.data.case.case_id)}`}>{stored.data.case.case_id}</Link>}</dd>
        <dt>Model</dt>
        <dd>{answer.model_version}</dd>
        <dt>Latency</dt>
        <dd>{answer.latency_ms.toFixed(2)} ms</dd>
        <dt>Enrichment</dt>
        <dd>{answer.llm_status}</dd>
      </dl>
      <DecisionDetails reasons={answer.reasons} evidence={answer.evidence} />
    </div>
  );
}
