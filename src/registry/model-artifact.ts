import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
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

/**
 * The content-derived version of an artifact: the same files always get the same version. What the
 * score depends on is hashed: the trees, the feature schema and, when present, metadata.json's
 * calibration (an artifact without one keeps the version it always had).
 */
export function artifactVersion(artifact: ModelArtifact): string {
  const hash = createHash('sha256').update(artifact.modelJson).update('\n').update(JSON.stringify(artifact.featureSchema));
  const calibration = artifact.metadata.calibration;
  if (calibration !== undefined && calibration !== null) hash.update('\ncalibration\n').update(JSON.stringify(calibration));
  const digest = hash.digest('hex');
  const name = typeof artifact.metadata.name === 'string' ? artifact.metadata.name.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 40) : 'model';
  return `${name}-${digest.slice(0, 12)}`;
}

/** The default cap on one artifact file (SENTRA_MODEL_MAX_BYTES): far above a real model, far below memory. */
export const defaultArtifactMaxBytes = 64 * 1024 * 1024;

async function readText(path: string, maxBytes: number): Promise<string> {
  try {
    const { size } = await stat(path);
    if (size > maxBytes) throw new SentraError('SENTRA_ERR_MODEL_FORMAT', `${path} is ${size} bytes, above the limit of ${maxBytes} (SENTRA_MODEL_MAX_BYTES)`);
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof SentraError) throw error;
    throw new SentraError('SENTRA_ERR_MODEL_FORMAT', `Cannot read ${path}`, { cause: error });
  }
}

/** Parses one artifact file's JSON; `name` says which file in the error. */
export function parseArtifactJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new SentraError('SENTRA_ERR_MODEL_FORMAT', `${name} is not valid JSON`, { cause: error });
  }
}

/** Builds an artifact from the three files' text, checking that metadata is an object. */
export function artifactFromTexts(modelJson: string, featureSchemaText: string, metadataText: string, where: string): ModelArtifact {
  const featureSchema = parseArtifactJson(featureSchemaText, `${where}/${artifactFiles.featureSchema}`);
  const metadata = parseArtifactJson(metadataText, `${where}/${artifactFiles.metadata}`);
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new SentraError('SENTRA_ERR_MODEL_FORMAT', `${where}/${artifactFiles.metadata} must be a JSON object`);
  }
  return { modelJson, featureSchema, metadata: metadata as Record<string, unknown> };
}

/** Reads an artifact folder (model.json, feature_schema.json, metadata.json); a file above maxBytes is refused unread. */
export async function readArtifactFolder(folder: string, maxBytes = defaultArtifactMaxBytes): Promise<ModelArtifact> {
  const [modelJson, featureSchema, metadata] = await Promise.all(
    [artifactFiles.model, artifactFiles.featureSchema, artifactFiles.metadata].map((file) => readText(join(folder, file), maxBytes)),
  );
  return artifactFromTexts(modelJson!, featureSchema!, metadata!, folder);
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
