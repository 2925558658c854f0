import { useEffect, useRef, type FormEvent } from 'react';
import { problemsOf } from '../api/client';
import { ApiErrorNotice } from '../components/api-error-notice';
import { expressionPosition } from './expression-position';
import type { RuleAction, RuleBody } from './rule-types';

const decisions = ['BLOCK', 'HOLD', 'REVIEW', 'ALLOW'] as const;
type ActionKind = (typeof decisions)[number] | 'score';

/** The editable fields of a rule, as the form holds them (text while typing). */
export interface RuleDraft {
  name: string;
  description: string;
  expression: string;
  actionKind: ActionKind;
  points: string;
  priority: string;
  mode: 'live' | 'shadow';
  owner: string;
  tags: string;
}

export const emptyDraft: RuleDraft = { name: '', description: '', expression: '', actionKind: 'REVIEW', points: '50', priority: '0', mode: 'live', owner: '', tags: '' };

/** The form's fields of a stored rule version. */
export function draftOf(rule: { name: string; description: string; expression: string; action: RuleAction; priority: number; mode: string; owner: string | null; tags: string[] }): RuleDraft {
  return {
    name: rule.name,
    description: rule.description,
    expression: rule.expression,
    actionKind: typeof rule.action === 'string' ? (rule.action as ActionKind) : 'score',
    points: typeof rule.action === 'string' ? '50' : String(rule.action.score),
    priority: String(rule.priority),
    mode: rule.mode === 'shadow' ? 'shadow' : 'live',
    owner: rule.owner ?? '',
    tags: rule.tags.join(', '),
  };
}

/** The action a draft describes. */
export function actionOf(draft: RuleDraft): RuleAction {
  return draft.actionKind === 'score' ? { score: Number(draft.points) } : draft.actionKind;
}

/** The API body of a draft; empty optional fields are left out so the server's defaults apply. */
export function bodyOf(draft: RuleDraft): RuleBody {
  const tags = draft.tags
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  return {
    name: draft.name,
    ...(draft.description === '' ? {} : { description: draft.description }),
    expression: draft.expression,
    action: actionOf(draft),
    priority: Number(draft.priority),
    mode: draft.mode,
    ...(draft.owner.trim() === '' ? {} : { owner: draft.owner.trim() }),
    tags,
  };
}

interface RuleFormProps {
  /** The form's title, e.g. "New rule" or "Edit: next version". */
  title: string;
  submitLabel: string;
  draft: RuleDraft;
  onChange(draft: RuleDraft): void;
  onSubmit(): void;
  pending: boolean;
  error: Error | null;
  /** The expression the error is about (the one sent); its position is shown until the text changes. */
  sentExpression: string | undefined;
}

/**
 * The fields of a rule. A compile error of the expression is shown where it is: its line with a
 * marker under the column, and the cursor moved there, so the author fixes it without counting.
 */
export function RuleForm({ title, submitLabel, draft, onChange, onSubmit, pending, error, sentExpression }: RuleFormProps) {
  const expressionInput = useRef<HTMLTextAreaElement>(null);
  const problems = problemsOf(error);
  const invalid = (path: string) => problems.some((problem) => problem.path === path || problem.path.startsWith(`${path}/`));
  const expressionProblem = problems.find((problem) => problem.path === '/expression');
  const position = expressionProblem === undefined || sentExpression !== draft.expression ? undefined : expressionPosition(draft.expression, expressionProblem.message);
  // A refusal that locates the expression's error puts the cursor there (once per refusal, not while typing).
  const offset = position?.offset;
  useEffect(() => {
    if (offset === undefined) return;
    expressionInput.current?.focus();
    expressionInput.current?.setSelectionRange(offset, offset);
  }, [error]);
  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => onChange({ ...draft, [key]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const titleId = `${title.replace(/\W+/g, '-').toLowerCase()}-title`;
  return (
    <form className="card" onSubmit={submit} aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <div className="field">
        <label htmlFor="rule-name">Name</label>
        <input id="rule-name" className="wide" required maxLength={200} value={draft.name} aria-invalid={invalid('/name')} onChange={(event) => set('name', event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="rule-expression">Condition (CEL)</label>
        <textarea
          id="rule-expression"
          ref={expressionInput}
          className="json-editor expression-editor"
          required
          spellCheck={false}
          maxLength={65_536}
          value={draft.expression}
          aria-invalid={invalid('/expression')}
          aria-describedby="rule-expression-help rule-expression-where"
          onChange={(event) => set('expression', event.target.value)}
        />
        <span id="rule-expression-help" className="help">
          A condition over <code>tx</code>, <code>entities</code>, <code>features</code>, <code>model</code>, <code>lists</code>, <code>signals</code>, <code>custom</code>, <code>sentry</code> and{' '}
          <code>now</code>, e.g. <code>tx.amount &gt; 5000 &amp;&amp; tx.channel == "card"</code>.
        </span>
        <div id="rule-expression-where">
          {position !== undefined && (
            <pre className="error-line" aria-label={`Error at line ${position.line}, column ${position.column}`}>
              {`${position.line} | ${position.lineText}\n${' '.repeat(String(position.line).length + 3 + position.column - 1)}^ ${expressionProblem?.message ?? ''}`}
            </pre>
          )}
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="rule-action">Action</label>
          <select id="rule-action" value={draft.actionKind} onChange={(event) => set('actionKind', event.target.value as ActionKind)} aria-invalid={invalid('/action')}>
            {decisions.map((decision) => (
              <option key={decision} value={decision}>
                {decision}
              </option>
            ))}
            <option value="score">add points</option>
          </select>
        </div>
        {draft.actionKind === 'score' && (
          <div className="field">
            <label htmlFor="rule-points">Points</label>
            <input id="rule-points" type="number" min={-1000} max={1000} step={1} required value={draft.points} aria-invalid={invalid('/action/score')} onChange={(event) => set('points', event.target.value)} />
          </div>
        )}
        <div className="field">
          <label htmlFor="rule-priority">Priority</label>
          <input id="rule-priority" type="number" step={1} required value={draft.priority} aria-invalid={invalid('/priority')} onChange={(event) => set('priority', event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="rule-mode">Mode</label>
          <select id="rule-mode" value={draft.mode} onChange={(event) => set('mode', event.target.value as 'live' | 'shadow')} aria-describedby="rule-mode-help">
            <option value="live">live</option>
            <option value="shadow">shadow</option>
          </select>
        </div>
      </div>
      <span id="rule-mode-help" className="help">
        Higher priority first. A shadow rule is evaluated and stored with each decision but never changes one.
      </span>
      <div className="field">
        <label htmlFor="rule-description">Description</label>
        <input id="rule-description" className="wide" maxLength={2000} value={draft.description} onChange={(event) => set('description', event.target.value)} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="rule-owner">Owner</label>
          <input id="rule-owner" maxLength={200} value={draft.owner} aria-invalid={invalid('/owner')} onChange={(event) => set('owner', event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="rule-tags">Tags</label>
          <input id="rule-tags" value={draft.tags} aria-invalid={invalid('/tags')} aria-describedby="rule-tags-help" onChange={(event) => set('tags', event.target.value)} />
          <span id="rule-tags-help" className="help">
            Comma-separated.
          </span>
        </div>
      </div>
      <ApiErrorNotice id="rule-problems" error={error} title="Not saved" />
      <div className="actions">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
