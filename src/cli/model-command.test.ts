import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repository, runCli } from '../../test/support/run-cli.js';

const inference = join(repository, 'test/fixtures/xgboost/inference');
const root = await mkdtemp(join(tmpdir(), 'sentra-model-cli-'));

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function rowsFile(name: string): Promise<string> {
  const input = JSON.parse(await readFile(join(inference, `gbtree_${name}.input.json`), 'utf8')) as { features: unknown[] };
  const file = join(root, `${name}.jsonl`);
  await writeFile(file, `${input.features.map((row) => JSON.stringify(row)).join('\n')}\n`);
  return file;
}

describe('sentra model predict', () => {
  it('prints XGBoost probabilities line by line (null = missing), and margins with --margin', async () => {
    const model = join(inference, 'gbtree_binary_logistic_missing.model.json');
    const input = await rowsFile('binary_logistic_missing');
    const expected = JSON.parse(await readFile(join(inference, 'gbtree_binary_logistic_missing.expected.json'), 'utf8')) as { predictions: number[]; predictions_transformed: number[] };
    const probabilities = await runCli(['model', 'predict', '--model', model, '--input', input]);
    expect(probabilities.stderr).toBe('');
    expect(probabilities.code).toBe(0);
    expect(probabilities.stdout.trimEnd().split('\n').map(Number)).toEqual(expected.predictions_transformed);
    const margins = await runCli(['model', 'predict', '--model', model, '--input', input, '--margin']);
    expect(margins.stdout.trimEnd().split('\n').map(Number)).toEqual(expected.predictions);
  });

  it('reports a malformed model with its JSON path and no stack trace', async () => {
    const broken = JSON.parse(await readFile(join(inference, 'gbtree_binary_logistic.model.json'), 'utf8')) as { learner: { gradient_booster: { model: { trees: { split_indices: number[] }[] } } } };
    const tree = broken.learner.gradient_booster.model.trees[2];
    if (tree) tree.split_indices[1] = 40;
    const file = join(root, 'broken.json');
    await writeFile(file, JSON.stringify(broken));
    const result = await runCli(['model', 'predict', '--model', file, '--input', await rowsFile('binary_logistic')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('sentra: SENTRA_ERR_MODEL_FORMAT: Invalid XGBoost model at /learner/gradient_booster/model/trees/2/split_indices/1');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a feature count mismatch with file:line, and an unreadable model file', async () => {
    const input = join(root, 'short.jsonl');
    await writeFile(input, '[1, 2, 3, 4]\n[1, null, 3]\n');
    const model = join(inference, 'gbtree_binary_logistic.model.json');
    const mismatch = await runCli(['model', 'predict', '--model', model, '--input', input]);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain(`sentra: SENTRA_ERR_VALIDATION: ${input}:2: feature count mismatch: the model expects 4 values, the row has 3`);
    const missing = await runCli(['model', 'predict', '--model', join(root, 'absent.json'), '--input', input]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('SENTRA_ERR_NOT_FOUND: Cannot read the model file');
    const notJson = join(root, 'not-json.json');
    await writeFile(notJson, '{"learner": ');
    expect((await runCli(['model', 'predict', '--model', notJson, '--input', input])).stderr).toContain('SENTRA_ERR_MODEL_FORMAT: The model file');
  });
});
