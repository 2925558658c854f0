import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import openapiTS, { astToString } from 'openapi-typescript';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The console's typed API client is generated from this file; `npm run console:api` rewrites it. */
const generatedTypes = new URL('../console/src/api/schema.d.ts', import.meta.url);
const banner = '// Generated from the server\'s /openapi.json by `npm run console:api`. Do not edit.\n';

describe("the console's API types", () => {
  let sentra: TestApp;
  beforeAll(async () => {
    sentra = await startTestApp();
  });
  afterAll(async () => sentra.close());

  it("match the server's current OpenAPI document (rerun `npm run console:api` after a route schema change)", async () => {
    const response = await sentra.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const types = banner + astToString(await openapiTS(response.json()));
    if (process.env.UPDATE_API_TYPES === '1') writeFileSync(generatedTypes, types);
    expect(readFileSync(generatedTypes, 'utf8')).toBe(types);
  });
});
