import { StoreUnavailableError } from '../errors/errors.js';

const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
const unavailablePatterns = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /query read timeout/i,
  /Connection terminated unexpectedly/i,
  /pool.*(ended|closed)/i,
  /PGlite is closed/i,
  /instance is already closed/i,
  /driver has already been destroyed/i,
  /Client has encountered a connection error/i,
  // ioredis: a command that outlived its timeout, or the connection while it reconnects
  /Command timed out/i,
  /Reached the max retries per request limit/i,
  /Connection is closed/i,
  /Stream isn't writeable/i,
  // ioredis on a Redis Cluster: no slot map yet, or the cluster (a slot's primary) is failing over
  /None of startup nodes is available/i,
  /(Cluster|Node) is disconnected/i,
  /Cluster isn't ready/i,
  /^CLUSTERDOWN/,
  /^TRYAGAIN/,
  /^(MOVED|ASK) \d+ /,
  /Too many Cluster redirections/i,
];
// PostgreSQL SQLSTATE classes that mean "the server cannot serve now" rather than "the query is wrong".
const unavailableSqlStates = /^(08|53|57P0[1-3])/;

/** True when an error means a store (PostgreSQL, PGlite, Redis) cannot be reached or is shutting down (retry later). */
export function isStoreUnavailable(error: unknown): boolean {
  if (error instanceof StoreUnavailableError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === 'string' && (networkCodes.has(code) || unavailableSqlStates.test(code))) return true;
  if (typeof message === 'string' && unavailablePatterns.some((pattern) => pattern.test(message))) return true;
  if (error instanceof AggregateError) return error.errors.some(isStoreUnavailable);
  return cause !== undefined && cause !== error && isStoreUnavailable(cause);
}

/** Rejects with StoreUnavailableError when the promise does not settle within timeoutMs. */
export async function withDeadline<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreUnavailableError(new Error(`no answer within ${timeoutMs} ms`))), timeoutMs);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
