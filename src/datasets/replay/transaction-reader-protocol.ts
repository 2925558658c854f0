import { SentraError, type ErrorCode, type ProblemDetail } from '../../errors/errors.js';
import type { RecordColumns } from './record-columns.js';

/** What the reading worker is started with. */
export interface ReaderSetup {
  readonly dir: string;
  readonly batchSize: number;
  /** Batches the worker may post before the replay thread has taken them. */
  readonly window: number;
}

/** An error of the worker, rebuilt on the replay thread. */
export interface ReaderFailure {
  readonly name: string;
  readonly message: string;
  readonly code: unknown;
  readonly details: ProblemDetail[] | undefined;
  /** A SentraError (then `code` is its ErrorCode). */
  readonly sentra: boolean;
}

/** Worker → replay thread. */
export type ReaderMessage =
  | { readonly kind: 'batch'; readonly columns: RecordColumns }
  | { readonly kind: 'end' }
  | { readonly kind: 'error'; readonly error: ReaderFailure };

/** The error a failure report stands for: a SentraError with its code and details, or an Error with its name, message and code. */
export function rebuildError(failure: ReaderFailure): Error {
  if (failure.sentra) return new SentraError(failure.code as ErrorCode, failure.message, { details: failure.details });
  const error = new Error(failure.message) as Error & { code?: unknown };
  error.name = failure.name;
  if (failure.code !== undefined) error.code = failure.code;
  return error;
}
