import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SentraError } from '../errors/errors.js';
import { featureNames } from './catalogue/feature-catalogue.js';
import { buildFeatureSchema, parseFeatureSchema } from './feature-schema.js';
import { readFeatureSchema, writeFeatureSchema } from './feature-schema-file.js';

describe('feature_schema.json', () => {
  it('describes the whole catalogue by default', () => {
    const schema = buildFeatureSchema();
    expect(schema.version).toBe('5');
    expect(schema.features.map((feature) => feature.name)).toEqual(featureNames);
    expect(schema.features[0]).toMatchObject({ name: 'amount_usd', type: 'numeric', missing: 'nan' });
    expect(schema.features.find((feature) => feature.name === 'channel_code')?.type).toBe('categorical-code');
  });

  it('describes override-only inputs of a model', () => {
    const schema = buildFeatureSchema({ names: ['response_time_ms', 'ip_is_hosting'], missing: 'zero' });
    expect(schema.features).toEqual([
      { name: 'response_time_ms', type: 'numeric', description: expect.stringContaining('Caller-supplied') as unknown, missing: 'zero' },
      { name: 'ip_is_hosting', type: 'binary', description: expect.stringContaining('hosting') as unknown, missing: 'zero' },
    ]);
  });

  it('round-trips through a file', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'sentra-schema-'));
    try {
      const path = join(directory, 'feature_schema.json');
      const schema = buildFeatureSchema({ names: ['amount_usd', 'f_custom'] });
      await writeFeatureSchema(path, schema);
      expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(schema);
      expect(await readFeatureSchema(path)).toEqual(schema);
    } finally {
      await rm(directory, { recursive: true });
    }
  });

  it('reports every problem of a malformed schema', () => {
    const attempt = (): unknown =>
      parseFeatureSchema({ features: [{ name: 'a', type: 'numeric' }, { name: 'a', type: 'text', missing: 'mean' }, {}] });
    expect(attempt).toThrow(SentraError);
    try {
      attempt();
    } catch (error) {
      const details = (error as SentraError).details.map((detail) => `${detail.code} ${detail.path}`);
      expect(details).toEqual([
        'required /version',
        'duplicate /features/1/name',
        'enum /features/1/type',
        'enum /features/1/missing',
        'required /features/2/name',
        'enum /features/2/type',
      ]);
      expect((error as SentraError).code).toBe('SENTRA_ERR_MODEL_FORMAT');
    }
  });
});
