import { readFile, rename, writeFile } from 'node:fs/promises';
import { parseFeatureSchema, type FeatureSchema } from './feature-schema.js';

/** Writes feature_schema.json (pretty-printed, atomically via a temporary file). */
export async function writeFeatureSchema(path: string, schema: FeatureSchema): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(schema, null, 2)}\n`);
  await rename(temporary, path);
}

/** Reads and validates feature_schema.json. */
export async function readFeatureSchema(path: string): Promise<FeatureSchema> {
  return parseFeatureSchema(JSON.parse(await readFile(path, 'utf8')) as unknown);
}
