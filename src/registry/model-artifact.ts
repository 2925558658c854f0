import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SentraError } from '../errors/errors.js';

/** The three files of a model artifact. */
export const artifactFiles = { model: 'model.json', featureSchema: 'feature_schema.json', metadata: 'metadata.json' } as const;

/** A model artifact in memory: XGBoost-compatible model JSON, its feature schema and metadata. */
export interface ModelArtifact {
  modelJson: string;
  featureSchema: unknown;
  metadata: Record<string, unknown>;
}

/** The content-derived version of an artifact: the same files always get the same version. */
export function artifactVersion(artifact: ModelArtifact): string {
  const digest = createHash('sha256').update(artifact.modelJson).update('\n').update(JSON.stringify(artifact.featureSchema)).digest('hex');
  const name = typeof artifact.metadata.name === 'string' ? artifact.metadata.name.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 40) : 'model';
  return `${name}-${digest.slice(0, 12)}`;
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SentraError('SENTRA_ERR_MODEL_FORMAT', `Cannot read ${path}`, { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new SentraError('SENTRA_ERR_MODEL_FORMAT', `${path} is not valid JSON`, { cause: error });
  }
}

/** Reads an artifact folder (model.json, feature_schema.json, metadata.json). */
export async function readArtifactFolder(folder: string): Promise<ModelArtifact> {
  const modelJson = await readFile(join(folder, artifactFiles.model), 'utf8').catch((error: unknown) => {
    throw new SentraError('SENTRA_ERR_MODEL_FORMAT', `Cannot read ${join(folder, artifactFiles.model)}`, { cause: error });
  });
  const featureSchema = await readJson(join(folder, artifactFiles.featureSchema));
  const metadata = await readJson(join(folder, artifactFiles.metadata));
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new SentraError('SENTRA_ERR_MODEL_FORMAT', `${join(folder, artifactFiles.metadata)} must be a JSON object`);
  }
  return { modelJson, featureSchema, metadata: metadata as Record<string, unknown> };
}

/**
 * Writes an artifact folder (model.json, feature_schema.json, metadata.json), each file through a
 * temporary name and a rename, creating the folder when needed: the inverse of {@link readArtifactFolder}.
 */
export async function writeArtifactFolder(folder: string, artifact: ModelArtifact): Promise<void> {
  await mkdir(folder, { recursive: true });
  const files: [string, string][] = [
    [artifactFiles.model, artifact.modelJson],
    [artifactFiles.featureSchema, `${JSON.stringify(artifact.featureSchema, null, 2)}\n`],
    [artifactFiles.metadata, `${JSON.stringify(artifact.metadata, null, 2)}\n`],
  ];
  for (const [file, text] of files) {
    const temporary = join(folder, `.${file}.${process.pid}.tmp`);
    await writeFile(temporary, text);
    await rename(temporary, join(folder, file));
  }
}
