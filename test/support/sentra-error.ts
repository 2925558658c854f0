import { expect } from 'vitest';
import { SentraError } from '../../src/errors/errors.js';

/** The SentraError a promise rejects with; fails the test when it resolves or rejects otherwise. */
export async function sentraErrorOf(promise: Promise<unknown>): Promise<SentraError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SentraError);
  return error as SentraError;
}

/** Asserts an HTTP answer is the one error body with this status and code. */
export function expectSentraError(response: { statusCode: number; json(): unknown }, status: number, code: string): void {
  expect(response.statusCode).toBe(status);
  expect((response.json() as { error: { code: string } }).error.code).toBe(code);
}
