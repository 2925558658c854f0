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
