import { readFileSync } from 'node:fs';
import type { TestApp } from './test-app.js';
import { parseSanctionsCsv } from '../../src/enrichment/screening/sanctions-csv.js';
import { importSanctionList } from '../../src/enrichment/list-import.js';

/** The invented sample list shipped in lists/. */
export const sampleListPath = new URL('../../lists/sample-sanctions.csv', import.meta.url).pathname;

/** Loads the sample list into a test app's store (as `sentra lists import-sanctions` does, its re-screen left to the workers). */
export async function importSampleList(sentra: TestApp): Promise<void> {
  await importSanctionList(sentra.runtime.database.db, parseSanctionsCsv(readFileSync(sampleListPath, 'utf8'), 'sample-sanctions.csv'), { replace: false, at: new Date() });
}

/** Polls `check` until it returns a value (not undefined) or `timeoutMs` passes. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
