import { ValidationError, type ProblemDetail } from '../../errors/errors.js';
import { objectRowFields } from '../../datasets/row-fields.js';
import { parseTransactionRow } from '../../datasets/transaction-row.js';
import { parseLabelRow } from '../../datasets/label-row.js';
import type { DatasetProblem } from '../../datasets/dataset-problem.js';
import type { FeedEvent } from '../feed-event.js';

/** Most lines in one generic batch. */
export const maxGenericLines = 10_000;

const problemDetail = (problem: DatasetProblem): ProblemDetail => {
  // Row locations are `line:<n>:<field>`; the API names them as JSON pointers into the batch.
  const [, line, field] = problem.path.split(':');
  return { code: problem.code, path: `/${line}${field === undefined || field === '' ? '' : `/${field}`}`, message: problem.message };
};

/**
 * Parses a generic feed batch: JSON Lines, each a data contract v1 transaction
 * (`{"type":"transaction", tx_id, created_at, amount, …}`) or label (`{"type":"label", tx_id,
 * label, labeled_at, source, reason}`), checked by the same row parsers as a dataset import. Every
 * problem of every line is listed (path `/<line>/<field>`, lines counted from 1) and nothing is
 * stored when there is one. A transaction's `merchant_id` is the feed's merchant. Event ids: the
 * transaction's tx_id, a label's tx_id, source and labeled_at, so a resent batch changes nothing.
 */
export function parseGenericBatch(merchantId: string, text: string): FeedEvent[] {
  const problems: ProblemDetail[] = [];
  const events: FeedEvent[] = [];
  const lines = text.split('\n');
  if (lines.length > maxGenericLines + 1) throw new ValidationError([{ code: 'size', path: '/', message: `a batch holds at most ${maxGenericLines} lines` }]);
  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const line = raw.trim();
    if (line === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push({ code: 'json', path: `/${lineNumber}`, message: `line ${lineNumber} is not valid JSON` });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({ code: 'type', path: `/${lineNumber}`, message: `line ${lineNumber} must be a JSON object` });
      return;
    }
    const { type, ...fields } = value as Record<string, unknown>;
    const row = objectRowFields('line', lineNumber, fields);
    if (type === 'transaction') {
      const parsed = parseTransactionRow(row);
      problems.push(...[...row.initialProblems, ...parsed.problems].filter((problem) => problem.severity === 'error').map(problemDetail));
      if (parsed.record !== undefined) {
        const transaction = { ...parsed.record, merchantId };
        events.push({ eventId: `transaction:${transaction.txId}`, eventType: 'transaction', eventTime: transaction.createdAt, item: { kind: 'transaction', transaction }, pspVerdict: null });
      }
    } else if (type === 'label') {
      const parsed = parseLabelRow(row);
      problems.push(...[...row.initialProblems, ...parsed.problems].filter((problem) => problem.severity === 'error').map(problemDetail));
      if (parsed.record !== undefined) {
        const label = parsed.record;
        events.push({ eventId: `label:${label.txId}:${label.source}:${new Date(label.labeledAt).toISOString()}`, eventType: 'label', eventTime: label.labeledAt, item: { kind: 'label', label, amount: null, currency: null }, pspVerdict: null });
      }
    } else {
      problems.push({ code: 'enum', path: `/${lineNumber}/type`, message: 'type must be "transaction" or "label"' });
    }
  });
  if (problems.length > 0) throw new ValidationError(problems.slice(0, 200));
  if (events.length === 0) throw new ValidationError([{ code: 'required', path: '/', message: 'the batch holds no line' }]);
  return events;
}
