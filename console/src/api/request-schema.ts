import type { Schema } from '@cfworker/json-schema';

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
}

/**
 * The JSON schema of a route's request body, read from the server's own /openapi.json, so the
 * console validates exactly what the server will.
 */
export async function fetchRequestSchema(path: string, method: 'post' | 'put'): Promise<Schema> {
  const response = await fetch('/openapi.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`/openapi.json answered ${response.status}`);
  const document = (await response.json()) as OpenApiDocument;
  const schema = document.paths[path]?.[method]?.requestBody?.content?.['application/json']?.schema;
  if (schema === undefined) throw new Error(`/openapi.json has no request schema for ${method.toUpperCase()} ${path}`);
  return schema;
}
