import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import { SentraError } from '../errors/errors.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { ModelSource, ScoringModel } from '../scoring/scoring-ports.js';
import type { ArtifactStore } from '../platform/artifacts/artifact-store.js';
import { artifactFiles, artifactFromTexts, artifactVersion, defaultArtifactMaxBytes, readArtifactFolder, type ModelArtifact } from './model-artifact.js';
import { hasModelVersion, insertModelVersion, readActiveVersions, writeActiveVersion } from './model-version.repository.js';
import { loadScoringModel } from './scoring-model-loader.js';

/** The model a fresh install scores with: trained by `sentra train` on `sentra simulate` data. */
export const defaultModelFolder = fileURLToPath(new URL('../../models/default/', import.meta.url));

/**
 * The model registry: versions in the database, artifacts in the artifact store, one active model
 * per tenant. Activation is audited and instant in this process; other processes switch within the
 * refresh interval, once they have compiled the new version. Compiled models are cached by version, so tenants sharing a version share it.
 * The registry owns its artifact store (see `createArtifactStore`) and closes it in {@link stop}.
 */
export class ModelRegistry implements ModelSource {
  private readonly compiled = new Map<string, Promise<ScoringModel>>();
  private activeVersions = new Map<string, string>();
  /** The pointers of the latest refresh: what a version being compiled must still be wanted by. */
  private wantedVersions: ReadonlyMap<string, string> = new Map();
  /** Bumped by each activation in this process: a refresh read that started before it is stale. */
  private activations = 0;
  private timer: NodeJS.Timeout | undefined;
  private loadedOnce = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly store: ArtifactStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly refreshMs = 2_000,
    private readonly maxArtifactBytes = defaultArtifactMaxBytes,
  ) {}

  /** Loads the active pointers (installing the default model where a tenant has none) and starts refreshing. */
  async start(): Promise<void> {
    const tenants = await this.db.selectFrom('tenants').select('id').execute();
    this.activeVersions = await readActiveVersions(this.db);
    for (const { id } of tenants) {
      if (!this.activeVersions.has(id)) await this.installDefault(id);
    }
    await Promise.all([...new Set(this.activeVersions.values())].map((version) => this.compile(version)));
    this.loadedOnce = true;
    this.timer = setInterval(() => {
      const activations = this.activations;
      readActiveVersions(this.db).then(
        (versions) => {
          if (activations === this.activations) this.follow(versions);
        },
        (error: unknown) => this.logger.warn({ err: error }, 'could not refresh active models'),
      );
    }, this.refreshMs);
    this.timer.unref();
  }

  /**
   * Follows the active pointers another process wrote. A tenant switches to a new version only once
   * this process has compiled it: until then it goes on scoring with the version it has, so a slow or
   * unreachable artifact store never holds up a request. A version that fails to load is logged and
   * tried again at the next refresh.
   */
  private follow(versions: ReadonlyMap<string, string>): void {
    this.wantedVersions = versions;
    for (const [tenantId, version] of versions) {
      if (this.activeVersions.get(tenantId) === version) continue;
      this.compile(version).then(
        () => {
          if (this.wantedVersions.get(tenantId) === version) this.activeVersions.set(tenantId, version);
        },
        (error: unknown) => this.logger.warn({ err: error, tenantId, version }, 'a newly activated model cannot be loaded yet; the previous one goes on scoring'),
      );
    }
  }

  /** Stops the refresh timer and closes the artifact store. */
  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.store.close();
  }

  /** True once every known tenant's active model is compiled. */
  ready(): boolean {
    return this.loadedOnce;
  }

  /** The version this process currently serves for a tenant, if it knows one. */
  activeVersionOf(tenantId: string): string | undefined {
    return this.activeVersions.get(tenantId);
  }

  /**
   * The tenant's active model (a tenant without one gets the default model, audited). A model that
   * cannot be loaded (store unreachable, files corrupt or swapped) is `SENTRA_ERR_MODEL_UNAVAILABLE`
   * with a generic message: bucket names, keys, paths and OS errors go to the log, not the caller.
   */
  async active(tenantId: string): Promise<ScoringModel> {
    let version = this.activeVersions.get(tenantId);
    if (version === undefined) {
      version = (await readActiveVersions(this.db)).get(tenantId) ?? (await this.unavailableOnFailure(tenantId, undefined, () => this.installDefault(tenantId)));
      this.activeVersions.set(tenantId, version);
    }
    const active = version;
    return this.unavailableOnFailure(tenantId, active, () => this.compile(active));
  }

  private async unavailableOnFailure<T>(tenantId: string, version: string | undefined, load: () => Promise<T>): Promise<T> {
    try {
      return await load();
    } catch (error) {
      this.logger.error({ err: error, tenantId, version }, 'the active model cannot be loaded');
      throw new SentraError('SENTRA_ERR_MODEL_UNAVAILABLE', "The tenant's active model cannot be loaded; retry later or ask an operator to check the server log.");
    }
  }

  /** Stores an artifact and registers its version for a tenant (idempotent); returns the version. */
  async register(tenantId: string, artifact: ModelArtifact, actor: string): Promise<string> {
    loadScoringModel(artifact, 'validation');
    const version = artifactVersion(artifact);
    if (await hasModelVersion(this.db, tenantId, version)) return version;
    const uri = await this.store.put(`models/${version}/${artifactFiles.model}`, artifact.modelJson);
    await this.store.put(`models/${version}/${artifactFiles.featureSchema}`, JSON.stringify(artifact.featureSchema, null, 2));
    await this.store.put(`models/${version}/${artifactFiles.metadata}`, JSON.stringify(artifact.metadata, null, 2));
    const at = new Date(this.clock.now());
    await this.db.transaction().execute(async (trx) => {
      await insertModelVersion(trx, tenantId, {
        version,
        artifactUri: uri,
        featureSchema: artifact.featureSchema,
        metadata: artifact.metadata,
        createdBy: actor,
        createdAt: at,
      });
      await appendAudit(trx, [{ tenantId, at, actor, action: 'model.registered', subject: version, payload: { artifact_uri: uri } }]);
    });
    return version;
  }

  /** Makes a registered version the tenant's active model, after checking it compiles. */
  async activate(tenantId: string, version: string, actor: string): Promise<void> {
    if (!(await hasModelVersion(this.db, tenantId, version))) {
      throw new SentraError('SENTRA_ERR_NOT_FOUND', `Model version ${version} is not registered for tenant ${tenantId}`);
    }
    await this.compile(version);
    const previous = this.activeVersions.get(tenantId) ?? null;
    const at = new Date(this.clock.now());
    await this.db.transaction().execute(async (trx) => {
      await writeActiveVersion(trx, tenantId, version, actor, at);
      await appendAudit(trx, [{ tenantId, at, actor, action: 'model.activated', subject: version, payload: { previous } }]);
    });
    this.activations += 1;
    this.activeVersions.set(tenantId, version);
  }

  private async installDefault(tenantId: string): Promise<string> {
    const artifact = await readArtifactFolder(defaultModelFolder);
    const version = await this.register(tenantId, artifact, 'system');
    await this.activate(tenantId, version, 'system');
    this.logger.info({ tenantId, version }, 'installed the default model');
    return version;
  }

  private compile(version: string): Promise<ScoringModel> {
    let model = this.compiled.get(version);
    if (model === undefined) {
      model = this.loadVersion(version);
      this.compiled.set(version, model);
      model.catch(() => this.compiled.delete(version));
    }
    return model;
  }

  /**
   * The stored artifact of a registered version (explaining stored decisions reads the model that
   * made them). A failure is `SENTRA_ERR_MODEL_UNAVAILABLE` with a generic message, the detail logged.
   */
  async artifact(version: string): Promise<ModelArtifact> {
    try {
      return await this.readArtifact(version);
    } catch (error) {
      this.logger.error({ err: error, version }, 'a stored model cannot be read');
      throw new SentraError('SENTRA_ERR_MODEL_UNAVAILABLE', 'The model that made this decision cannot be loaded; retry later or ask an operator to check the server log.');
    }
  }

  /**
   * Reads a version's files, each capped in size, and re-derives the version from their content:
   * whoever can write to the artifact folder or bucket cannot swap the model a version names.
   */
  private async readArtifact(version: string): Promise<ModelArtifact> {
    const folder = `models/${version}`;
    const read = async (file: string) => (await this.store.get(`${folder}/${file}`, this.maxArtifactBytes)).toString('utf8');
    const [modelJson, schema, metadata] = await Promise.all([
      read(artifactFiles.model),
      read(artifactFiles.featureSchema),
      read(artifactFiles.metadata),
    ]);
    const artifact = artifactFromTexts(modelJson, schema, metadata, this.store.uriOf(folder));
    const derived = artifactVersion(artifact);
    if (derived !== version) {
      throw new SentraError('SENTRA_ERR_MODEL_FORMAT', `The artifact stored as ${version} hashes to ${derived}: its files were changed after registration`);
    }
    return artifact;
  }

  private async loadVersion(version: string): Promise<ScoringModel> {
    return loadScoringModel(await this.readArtifact(version), version);
  }
}
