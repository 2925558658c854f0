import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { SentraError } from '../errors/errors.js';
import { parseXgboostModel } from '../model/xgboost/parse-model.js';
import { gainImportance, modelCurves, type CurvePoint } from '../model/metrics/model-curves.js';
import { averagePrecision, rocAuc } from '../model/metrics/ranking-metrics.js';
import { calibrationTable, type CalibrationBin } from '../model/metrics/probability-metrics.js';
import type { TreeEnsemble } from '../model/tree-ensemble.js';
import { parseFeatureSchema } from '../features/feature-schema.js';
import { listModelVersions, type ModelVersionRow } from './model-version.repository.js';
import type { ModelArtifact } from './model-artifact.js';

/** A registered version as the registry lists it: when it came and went, and its stored figures. */
export interface ModelVersionSummary {
  readonly version: string;
  /** metadata.name of the artifact, when it has one. */
  readonly name: string | null;
  readonly active: boolean;
  readonly registeredAt: Date;
  readonly registeredBy: string;
  /** The latest activation of this version (audit log), null if it was never activated. */
  readonly lastActivatedAt: Date | null;
  /** metadata.created_at: when the artifact was trained, as its trainer wrote it. */
  readonly trainedAt: string | null;
  /** metadata.metrics as stored (validation AUC, average precision …), null when the artifact has none. */
  readonly metrics: Record<string, unknown> | null;
  /** metadata.validation (window, rows, frauds), null when the artifact has none. */
  readonly validation: Record<string, unknown> | null;
  readonly trees: number | null;
}

/** The tenant's active pointer: which version, since when, by whom. */
export interface ActiveModel {
  readonly version: string;
  readonly activatedAt: Date;
  readonly activatedBy: string;
}

const objectOrNull = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** The tenant's active model pointer, if any. */
export async function activeModelOf(db: Kysely<Database>, tenantId: string): Promise<ActiveModel | undefined> {
  const row = await db.selectFrom('active_models').select(['version', 'activated_at', 'activated_by']).where('tenant_id', '=', tenantId).executeTakeFirst();
  return row === undefined ? undefined : { version: row.version, activatedAt: row.activated_at, activatedBy: row.activated_by };
}

/** The latest `model.activated` audit entry of each version of the tenant. */
async function lastActivations(db: Kysely<Database>, tenantId: string): Promise<Map<string, Date>> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['subject', (eb) => eb.fn.max('at').as('at')])
    .where('tenant_id', '=', tenantId)
    .where('action', '=', 'model.activated')
    .groupBy('subject')
    .execute();
  return new Map(rows.map((row) => [row.subject, new Date(row.at as unknown as string | Date)]));
}

function summarise(row: ModelVersionRow, active: ActiveModel | undefined, activations: Map<string, Date>): ModelVersionSummary {
  const metadata = row.metadata;
  return {
    version: row.version,
    name: typeof metadata.name === 'string' ? metadata.name : null,
    active: active?.version === row.version,
    registeredAt: row.createdAt,
    registeredBy: row.createdBy,
    lastActivatedAt: activations.get(row.version) ?? null,
    trainedAt: typeof metadata.created_at === 'string' ? metadata.created_at : null,
    metrics: objectOrNull(metadata.metrics),
    validation: objectOrNull(metadata.validation),
    trees: typeof metadata.trees === 'number' ? metadata.trees : null,
  };
}

/** The tenant's registered versions, newest first, with the active one marked. */
export async function listModelSummaries(db: Kysely<Database>, tenantId: string): Promise<{ active: ActiveModel | undefined; versions: ModelVersionSummary[] }> {
  const [rows, active, activations] = await Promise.all([listModelVersions(db, tenantId), activeModelOf(db, tenantId), lastActivations(db, tenantId)]);
  return { active, versions: rows.map((row) => summarise(row, active, activations)) };
}

/** One registered version of the tenant with its whole metadata; SENTRA_ERR_NOT_FOUND when the tenant has no such version. */
export async function findModelSummary(db: Kysely<Database>, tenantId: string, version: string): Promise<{ summary: ModelVersionSummary; metadata: Record<string, unknown>; active: ActiveModel | undefined }> {
  const { active, versions } = await listModelSummaries(db, tenantId);
  const summary = versions.find((candidate) => candidate.version === version);
  if (summary === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `Model version ${version} is not registered for this tenant`);
  const row = await db.selectFrom('model_versions').select('metadata').where('tenant_id', '=', tenantId).where('version', '=', version).executeTakeFirstOrThrow();
  return { summary, metadata: row.metadata as Record<string, unknown>, active };
}

/** A feature's share of the model's total split gain. */
export interface FeatureImportance {
  readonly feature: string;
  readonly share: number;
}

/** An artifact's trees and input names, parsed once per version. */
export interface ParsedArtifact {
  readonly ensemble: TreeEnsemble;
  readonly names: readonly string[];
}

/** Parses an artifact's trees and feature names (a registered artifact: already validated). */
export function parseArtifact(artifact: ModelArtifact): ParsedArtifact {
  return {
    ensemble: parseXgboostModel(JSON.parse(artifact.modelJson) as unknown),
    names: parseFeatureSchema(artifact.featureSchema).features.map((feature) => feature.name),
  };
}

/** The features of a model by total split gain (the 15 largest), read from its trees. */
export function featureImportance(parsed: ParsedArtifact): FeatureImportance[] {
  return gainImportance(parsed.ensemble, parsed.names);
}

/** Ranking curves and calibration of a model on a set of labelled scores. */
export interface ScoreCurves {
  readonly rows: number;
  readonly frauds: number;
  readonly auc: number;
  readonly averagePrecision: number;
  readonly roc: CurvePoint[];
  readonly precisionRecall: CurvePoint[];
  readonly calibration: CalibrationBin[];
}

/** The curves of labelled scores; undefined unless both fraud and legit labels are present (a curve needs both). */
export function scoreCurves(scores: LabelledScores, parsed: ParsedArtifact): ScoreCurves | undefined {
  const frauds = scores.targets.reduce((sum, target) => sum + target, 0);
  if (frauds === 0 || frauds === scores.targets.length) return undefined;
  const curves = modelCurves(scores.targets, scores.probabilities, parsed.ensemble, parsed.names);
  return {
    rows: scores.targets.length,
    frauds,
    auc: rocAuc(scores.targets, scores.probabilities),
    averagePrecision: averagePrecision(scores.targets, scores.probabilities),
    roc: curves.roc,
    precisionRecall: curves.precisionRecall,
    calibration: calibrationTable(scores.targets, scores.probabilities),
  };
}

/** Labelled stored decisions of one model version: its probability and the payment's latest label. */
export interface LabelledScores {
  /** 1 = fraud, 0 = legit (latest label of the payment). */
  readonly targets: number[];
  readonly probabilities: number[];
}

/** The most decisions a curve is computed from (the latest ones). */
export const curveRowLimit = 200_000;

/**
 * The tenant's stored decisions made by `version` whose payment carries a fraud or legit label
 * (its latest label), the latest {@link curveRowLimit}. A payment scored twice counts twice.
 */
export async function labelledScoresOf(db: Kysely<Database>, tenantId: string, version: string): Promise<LabelledScores> {
  const result = await sql<{ probability: number; label: string }>`
    with latest_labels as (
      select distinct on (tx_id) tx_id, label from labels where tenant_id = ${tenantId} order by tx_id, labeled_at desc
    )
    select s.probability, l.label
    from risk_scores s join latest_labels l on l.tx_id = s.tx_id
    where s.tenant_id = ${tenantId} and s.model_version = ${version} and l.label in ('fraud', 'legit')
    order by s.scored_at desc
    limit ${curveRowLimit}`.execute(db);
  return {
    targets: result.rows.map((row) => (row.label === 'fraud' ? 1 : 0)),
    probabilities: result.rows.map((row) => Number(row.probability)),
  };
}
