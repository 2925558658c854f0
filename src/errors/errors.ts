/**
 * The one catalogue of Sentra's error codes. Every error the product reports to a caller carries
 * one of these stable codes; the HTTP layer maps codes to status codes (see http/error-status.ts),
 * the CLI maps them to exit codes. Domain code never speaks HTTP.
 */
export const errorCatalogue = {
  SENTRA_ERR_VALIDATION: { message: 'The input is invalid; see details for every problem.', retryable: false },
  SENTRA_ERR_UNAUTHENTICATED: { message: 'A valid bearer token is required.', retryable: false },
  SENTRA_ERR_FORBIDDEN: { message: 'The token does not have the role this operation needs.', retryable: false },
  SENTRA_ERR_NOT_FOUND: { message: 'The resource does not exist.', retryable: false },
  SENTRA_ERR_CONFLICT: { message: 'The resource is in a state that does not allow this operation.', retryable: false },
  SENTRA_ERR_PAYLOAD_TOO_LARGE: { message: 'The request body is larger than the server accepts.', retryable: false },
  SENTRA_ERR_UNSUPPORTED_MEDIA_TYPE: { message: 'The request body must be application/json.', retryable: false },
  SENTRA_ERR_MALFORMED_JSON: { message: 'The request body is not valid JSON.', retryable: false },
  SENTRA_ERR_RATE_LIMITED: { message: 'Too many requests.', retryable: true },
  SENTRA_ERR_PAYMENT_REQUIRED: { message: "The merchant's prepaid balance does not cover this call; top it up.", retryable: false },
  SENTRA_ERR_STORE_UNAVAILABLE: { message: 'The database is unreachable; retry later.', retryable: true },
  SENTRA_ERR_OVERLOADED: { message: 'The server is overloaded and refused the request before deciding anything; retry later.', retryable: true },
  SENTRA_ERR_MODEL_UNAVAILABLE: { message: 'No model is active for this tenant.', retryable: true },
  SENTRA_ERR_DATA_DIR_LOCKED: { message: 'The data folder is in use by another Sentra process.', retryable: false },
  SENTRA_ERR_CONFIG: { message: 'The configuration is invalid.', retryable: false },
  SENTRA_ERR_MODEL_FORMAT: { message: 'The model file is malformed or unsupported.', retryable: false },
  SENTRA_ERR_DATASET_INVALID: { message: 'The dataset does not conform to data contract v1.', retryable: false },
  SENTRA_ERR_INTERNAL: { message: 'An internal error occurred.', retryable: true },
} as const satisfies Record<string, { message: string; retryable: boolean }>;

/** A stable, documented error code. */
export type ErrorCode = keyof typeof errorCatalogue;

/** One problem found in an input, located by a JSON path (`/transaction/amount`) or file:line:column. */
export interface ProblemDetail {
  /** Stable machine-readable code of this problem, e.g. `required`, `enum`, `type`. */
  code: string;
  /** Where the problem is: a JSON pointer for request bodies, or `file:line:column` for datasets. */
  path: string;
  /** A human sentence. */
  message: string;
}

/** The base class of every error Sentra raises on purpose. */
export class SentraError extends Error {
  readonly code: ErrorCode;
  readonly details: readonly ProblemDetail[];
  readonly retryable: boolean;

  constructor(code: ErrorCode, message?: string, options?: { details?: ProblemDetail[]; cause?: unknown }) {
    super(message ?? errorCatalogue[code].message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SentraError';
    this.code = code;
    this.details = options?.details ?? [];
    this.retryable = errorCatalogue[code].retryable;
  }
}

/** Raised when an input fails validation; carries every problem found, not just the first. */
export class ValidationError extends SentraError {
  constructor(details: ProblemDetail[], message?: string) {
    super('SENTRA_ERR_VALIDATION', message, { details });
    this.name = 'ValidationError';
  }
}

/** Raised when the database cannot be reached within the bounded wait. */
export class StoreUnavailableError extends SentraError {
  constructor(cause?: unknown) {
    super('SENTRA_ERR_STORE_UNAVAILABLE', undefined, { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** Raised at once when the write backlog is full: the request is refused before anything is computed or written. */
export class OverloadedError extends SentraError {
  constructor() {
    super('SENTRA_ERR_OVERLOADED');
    this.name = 'OverloadedError';
  }
}

/** Narrows exhaustively: a new member of a union that is not handled stops compiling. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${String(value)}`);
}
