import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database-schema.js';
import type { Authenticator } from '../../tenants/authenticator.js';
import type { ModelRegistry } from '../../registry/model-registry.js';
import { ErrorResponse } from '../../contract/error-response.js';
import { ModelVersionDetail, ModelVersionList, ModelVersionParams, ModelVersionView, RegisteredModelView, RegisterModelBody } from '../../contract/models.js';
import { SentraError } from '../../errors/errors.js';
import { parseXgboostModel } from '../../model/xgboost/parse-model.js';
import { parseFeatureSchema } from '../../features/feature-schema.js';
import { compileModelScorer } from '../../registry/scoring-model-loader.js';
import { artifactVersion, parseArtifactJson, type ModelArtifact } from '../../registry/model-artifact.js';
import { hasModelVersion } from '../../registry/model-version.repository.js';
import {
  featureImportance,
  findModelSummary,
  labelledScoresOf,
  listModelSummaries,
  parseArtifact,
  scoreCurves,
  type FeatureImportance,
  type ModelVersionSummary,
  type ParsedArtifact,
} from '../../registry/model-catalogue.js';
import { principalOf, requireRole } from '../auth.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
const finite = (value: number) => (Number.isFinite(value) ? value : null);

function view(summary: ModelVersionSummary) {
  return {
    version: summary.version,
    name: summary.name,
    active: summary.active,
    registered_at: summary.registeredAt.toISOString(),
    registered_by: summary.registeredBy,
    last_activated_at: summary.lastActivatedAt?.toISOString() ?? null,
    trained_at: summary.trainedAt,
    metrics: summary.metrics,
    validation: summary.validation,
    trees: summary.trees,
  };
}

/** Re-locates a problem of one artifact file under its body field, so the caller sees which file is wrong. */
function under(field: string, error: unknown): never {
  if (!(error instanceof SentraError)) throw error;
  const details = error.details.length > 0 ? error.details.map((detail) => ({ ...detail, path: `/${field}${detail.path}` })) : [{ code: 'model_format', path: `/${field}`, message: error.message }];
  throw new SentraError(error.code === 'SENTRA_ERR_VALIDATION' ? 'SENTRA_ERR_MODEL_FORMAT' : error.code, error.message, { details });
}

/** Checks an uploaded artifact the way scoring will load it, each file's problems under its field. */
function checkArtifact(artifact: ModelArtifact): void {
  try {
    parseXgboostModel(parseArtifactJson(artifact.modelJson, 'model_json'));
  } catch (error) {
    under('model_json', error);
  }
  try {
    parseFeatureSchema(artifact.featureSchema);
  } catch (error) {
    under('feature_schema', error);
  }
  try {
    compileModelScorer(artifact);
  } catch (error) {
    under('feature_schema', error);
  }
}

/**
 * The model registry (admin): the tenant's versions with their stored metrics, one version's
 * feature importance and curves, activation (audited with the pointer in one transaction; this
 * process scores with it from the next request, every other process within its refresh interval)
 * and registration of an artifact's three files.
 */
export function registerModelRoutes(app: FastifyInstance, authenticator: Authenticator, db: Kysely<Database>, registry: ModelRegistry, bodyLimitBytes: number): void {
  const admin = requireRole(authenticator, ['admin']);
  // Versions are content-derived, so a version's parsed trees never change: keep the last few.
  const parsed = new Map<string, Promise<{ parsed: ParsedArtifact; importance: FeatureImportance[] }>>();
  const parsedOf = (version: string) => {
    let entry = parsed.get(version);
    if (entry === undefined) {
      entry = registry.artifact(version).then((artifact) => {
        const result = parseArtifact(artifact);
        return { parsed: result, importance: featureImportance(result) };
      });
      entry.catch(() => parsed.delete(version));
      if (parsed.size >= 8) parsed.delete(parsed.keys().next().value!);
      parsed.set(version, entry);
    }
    return entry;
  };

  app.get(
    '/v1/admin/models',
    { onRequest: admin, schema: { tags: ['admin'], summary: "The tenant's model versions, newest first, with their stored metrics and the active one", response: { 200: ModelVersionList, ...errors } } },
    async (request) => {
      const { active, versions } = await listModelSummaries(db, principalOf(request).tenantId);
      return {
        active: active === undefined ? null : { version: active.version, activated_at: active.activatedAt.toISOString(), activated_by: active.activatedBy },
        items: versions.map(view),
      };
    },
  );

  app.get<{ Params: ModelVersionParams }>(
    '/v1/admin/models/:version',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'One version: metadata, metrics, feature importance, and ROC, precision–recall and calibration on its labelled decisions',
        params: ModelVersionParams,
        response: { 200: ModelVersionDetail, 404: ErrorResponse, 503: ErrorResponse, ...errors },
      },
    },
    async (request) => {
      const tenantId = principalOf(request).tenantId;
      const { summary, metadata } = await findModelSummary(db, tenantId, request.params.version);
      const [{ parsed: trees, importance }, scores] = await Promise.all([parsedOf(summary.version), labelledScoresOf(db, tenantId, summary.version)]);
      const curves = scoreCurves(scores, trees);
      const frauds = scores.targets.reduce((sum, target) => sum + target, 0);
      return {
        ...view(summary),
        metadata,
        feature_importance: importance,
        curves:
          curves === undefined
            ? null
            : {
                source: 'labelled_decisions' as const,
                rows: curves.rows,
                frauds: curves.frauds,
                auc: curves.auc,
                average_precision: curves.averagePrecision,
                roc: curves.roc,
                precision_recall: curves.precisionRecall,
                calibration: curves.calibration.map((bin) => ({ lower: bin.lower, upper: bin.upper, count: bin.count, mean_predicted: finite(bin.meanPredicted), observed_rate: finite(bin.observedRate) })),
              },
        curves_note:
          curves === undefined
            ? `No curves: the artifact carries none, and this version has ${scores.targets.length} labelled decisions in this tenant (${frauds} fraud); a curve needs both fraud and legit labels.`
            : `Computed from this tenant's ${curves.rows} decisions made by this version whose payment has a fraud or legit label (${curves.frauds} fraud), not from the training validation window.`,
      };
    },
  );

  app.post<{ Params: ModelVersionParams }>(
    '/v1/admin/models/:version/activate',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: "Make a registered version the tenant's active model (audited; this process scores with it from the next request, every other within 2 s)",
        params: ModelVersionParams,
        response: { 200: ModelVersionView, 404: ErrorResponse, 503: ErrorResponse, ...errors },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      await registry.activate(principal.tenantId, request.params.version, principal.tokenId);
      return view((await findModelSummary(db, principal.tenantId, request.params.version)).summary);
    },
  );

  app.post<{ Body: RegisterModelBody }>(
    '/v1/admin/models',
    {
      onRequest: admin,
      // An artifact's model.json is far larger than a scoring request.
      bodyLimit: bodyLimitBytes,
      schema: {
        tags: ['admin'],
        summary: "Register an artifact (model.json's text, feature_schema.json, metadata.json) for the tenant, optionally activating it",
        body: RegisterModelBody,
        response: { 200: RegisteredModelView, 201: RegisteredModelView, 404: ErrorResponse, 413: ErrorResponse, 503: ErrorResponse, ...errors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const artifact: ModelArtifact = { modelJson: request.body.model_json, featureSchema: request.body.feature_schema, metadata: request.body.metadata };
      checkArtifact(artifact);
      const existed = await hasModelVersion(db, principal.tenantId, artifactVersion(artifact));
      const version = await registry.register(principal.tenantId, artifact, principal.tokenId);
      if (request.body.activate === true) await registry.activate(principal.tenantId, version, principal.tokenId);
      void reply.status(existed ? 200 : 201);
      return { ...view((await findModelSummary(db, principal.tenantId, version)).summary), created: !existed };
    },
  );
}
