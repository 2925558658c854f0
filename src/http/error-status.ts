import { assertNever, type ErrorCode } from '../errors/errors.js';

/** The HTTP status of each catalogue code: the only place codes meet HTTP. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'SENTRA_ERR_VALIDATION':
    case 'SENTRA_ERR_MALFORMED_JSON':
    case 'SENTRA_ERR_DATASET_INVALID':
    case 'SENTRA_ERR_MODEL_FORMAT':
      return 400;
    case 'SENTRA_ERR_UNAUTHENTICATED':
      return 401;
    case 'SENTRA_ERR_FORBIDDEN':
      return 403;
    case 'SENTRA_ERR_NOT_FOUND':
      return 404;
    case 'SENTRA_ERR_CONFLICT':
    case 'SENTRA_ERR_DATA_DIR_LOCKED':
      return 409;
    case 'SENTRA_ERR_PAYLOAD_TOO_LARGE':
      return 413;
    case 'SENTRA_ERR_UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'SENTRA_ERR_RATE_LIMITED':
      return 429;
    case 'SENTRA_ERR_PAYMENT_REQUIRED':
      return 402;
    case 'SENTRA_ERR_STORE_UNAVAILABLE':
    case 'SENTRA_ERR_OVERLOADED':
    case 'SENTRA_ERR_MODEL_UNAVAILABLE':
      return 503;
    case 'SENTRA_ERR_CONFIG':
    case 'SENTRA_ERR_INTERNAL':
      return 500;
    default:
      return assertNever(code, 'error code');
  }
}
