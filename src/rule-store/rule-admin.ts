import type { Kysely, Transaction } from 'kysely';
import type { Environment } from '@marcbachmann/cel-js';
import type { Database } from '../platform/database-schema.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { appendAudit } from '../audit/audit.repository.js';
import { SentraError, ValidationError, type ProblemDetail } from '../errors/errors.js';
import { featureNames } from '../features/catalogue/feature-catalogue.js';
import { compileExpression } from '../rules/compile-rule.js';
import type { RuleBody, RuleView } from '../contract/rules.js';
import { bumpRuleSet, findRule, listRules, ruleNamed, ruleVersions, type RuleRow, type RuleVersionRow } from './rule.repository.js';
import { listNames } from './list.repository.js';

/** Catalogue feature names rules may select. */
const knownFeatures: ReadonlySet<string> = new Set(featureNames);

/** Called after a committed change so this process applies it before answering. */
export type RuleChangeListener = (tenantId: string) => Promise<void>;

function versionView(row: RuleVersionRow) {
  return {
    version: row.version,
    name: row.name,
    description: row.description,
    expression: row.expression,
    action: (typeof row.action === 'string' && row.action.startsWith('{') ? JSON.parse(row.action) : row.action) as RuleView['action'],
    priority: row.priority,
    mode: row.mode,
    owner: row.owner,
    tags: row.tags,
    created_by: row.created_by,
    created_at: row.created_at.toISOString(),
  };
}

/** A rule in API form. */
export function ruleView(rule: RuleRow, current: RuleVersionRow): RuleView {
  return { rule_id: rule.id, ...versionView(current), enabled: rule.enabled, status: rule.archived_at === null ? 'active' : 'archived', updated_at: rule.updated_at.toISOString() };
}

function uniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

const duplicateName = (name: string): ProblemDetail => ({ code: 'duplicate', path: '/name', message: `a rule named "${name}" exists already` });

/**
 * Rules as the risk team manages them: every edit is a new immutable version, every change is
 * audited and moves the tenant's rule-set version (which every process polls). A rule that does not
 * compile is refused with its error and position; nothing is written on a refusal.
 */
export class RuleAdmin {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly environment: Environment,
    private readonly changed: RuleChangeListener,
  ) {}

  private async validate(tenantId: string, body: RuleBody, exceptRuleId?: string): Promise<void> {
    const problems: ProblemDetail[] = [];
    const compiled = compileExpression(this.environment, body.expression, { features: knownFeatures, lists: new Set(await listNames(this.db, tenantId)) });
    if (!compiled.ok) problems.push(...compiled.problems);
    if (typeof body.action === 'object' && body.action.score === 0) problems.push({ code: 'range', path: '/action/score', message: 'a score action adds or takes away at least one point' });
    if (body.name.trim() === '') problems.push({ code: 'required', path: '/name', message: 'the name is empty' });
    if ((await ruleNamed(this.db, tenantId, body.name, exceptRuleId)) !== undefined) problems.push(duplicateName(body.name));
    if (problems.length > 0) throw new ValidationError(problems);
  }

  private versionRow(tenantId: string, ruleId: string, version: number, body: RuleBody, actor: string, at: Date) {
    return {
      tenant_id: tenantId,
      rule_id: ruleId,
      version,
      name: body.name,
      description: body.description ?? '',
      expression: body.expression,
      action: JSON.stringify(body.action),
      priority: body.priority ?? 0,
      mode: body.mode ?? 'live',
      owner: body.owner ?? null,
      tags: JSON.stringify(body.tags ?? []),
      created_by: actor,
      created_at: at,
    };
  }

  private async commit<T>(tenantId: string, work: (trx: Transaction<Database>, at: Date) => Promise<T>): Promise<T> {
    const at = new Date(this.clock.now());
    const result = await this.db.transaction().execute(async (trx) => {
      const value = await work(trx, at);
      await bumpRuleSet(trx, tenantId, at);
      return value;
    });
    await this.changed(tenantId);
    return result;
  }

  /** Creates a rule at version 1. */
  async create(tenantId: string, body: RuleBody, actor: string): Promise<RuleView> {
    await this.validate(tenantId, body);
    const ruleId = newId('rule');
    try {
      await this.commit(tenantId, async (trx, at) => {
        await trx
          .insertInto('rules')
          .values({ tenant_id: tenantId, id: ruleId, name: body.name, current_version: 1, enabled: body.enabled ?? true, archived_at: null, created_by: actor, created_at: at, updated_at: at })
          .execute();
        await trx.insertInto('rule_versions').values(this.versionRow(tenantId, ruleId, 1, body, actor, at)).execute();
        await appendAudit(trx, [{ tenantId, at, actor, action: 'rule.created', subject: ruleId, payload: { version: 1, ...body } }]);
      });
    } catch (error) {
      if (uniqueViolation(error)) throw new ValidationError([duplicateName(body.name)]);
      throw error;
    }
    return this.get(tenantId, ruleId);
  }

  /** Replaces a rule with its next version (the previous ones stay). */
  async update(tenantId: string, ruleId: string, body: RuleBody, actor: string): Promise<RuleView> {
    const existing = await this.live(tenantId, ruleId);
    await this.validate(tenantId, body, ruleId);
    const version = existing.rule.current_version + 1;
    try {
      await this.commit(tenantId, async (trx, at) => {
        await trx.insertInto('rule_versions').values(this.versionRow(tenantId, ruleId, version, body, actor, at)).execute();
        await trx
          .updateTable('rules')
          .set({ name: body.name, current_version: version, enabled: body.enabled ?? existing.rule.enabled, updated_at: at })
          .where('tenant_id', '=', tenantId)
          .where('id', '=', ruleId)
          .execute();
        await appendAudit(trx, [{ tenantId, at, actor, action: 'rule.updated', subject: ruleId, payload: { version, ...body } }]);
      });
    } catch (error) {
      if (uniqueViolation(error)) throw new ValidationError([duplicateName(body.name)]);
      throw error;
    }
    return this.get(tenantId, ruleId);
  }

  /** Enables or disables a rule (no new version: the expression did not change). */
  async setEnabled(tenantId: string, ruleId: string, enabled: boolean, actor: string): Promise<RuleView> {
    const existing = await this.live(tenantId, ruleId);
    if (existing.rule.enabled !== enabled) {
      await this.commit(tenantId, async (trx, at) => {
        await trx.updateTable('rules').set({ enabled, updated_at: at }).where('tenant_id', '=', tenantId).where('id', '=', ruleId).execute();
        await appendAudit(trx, [{ tenantId, at, actor, action: enabled ? 'rule.enabled' : 'rule.disabled', subject: ruleId, payload: { version: existing.rule.current_version } }]);
      });
    }
    return this.get(tenantId, ruleId);
  }

  /** Archives a rule: it stops for good, its versions and audit trail stay readable. */
  async archive(tenantId: string, ruleId: string, actor: string): Promise<RuleView> {
    const existing = await this.live(tenantId, ruleId);
    await this.commit(tenantId, async (trx, at) => {
      await trx.updateTable('rules').set({ archived_at: at, updated_at: at }).where('tenant_id', '=', tenantId).where('id', '=', ruleId).execute();
      await appendAudit(trx, [{ tenantId, at, actor, action: 'rule.archived', subject: ruleId, payload: { version: existing.rule.current_version } }]);
    });
    return this.get(tenantId, ruleId);
  }

  /** A rule with its versions, newest first. */
  async detail(tenantId: string, ruleId: string) {
    const found = await findRule(this.db, tenantId, ruleId);
    if (found === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `No rule ${ruleId}.`);
    return { ...ruleView(found.rule, found.current), versions: (await ruleVersions(this.db, tenantId, ruleId)).map(versionView) };
  }

  /** A rule at its current version. */
  async get(tenantId: string, ruleId: string): Promise<RuleView> {
    const found = await findRule(this.db, tenantId, ruleId);
    if (found === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `No rule ${ruleId}.`);
    return ruleView(found.rule, found.current);
  }

  /** The tenant's rules, highest priority first. */
  async list(tenantId: string, includeArchived: boolean): Promise<RuleView[]> {
    return (await listRules(this.db, tenantId, includeArchived)).map(({ rule, current }) => ruleView(rule, current));
  }

  private async live(tenantId: string, ruleId: string) {
    const found = await findRule(this.db, tenantId, ruleId);
    if (found === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `No rule ${ruleId}.`);
    if (found.rule.archived_at !== null) throw new SentraError('SENTRA_ERR_CONFLICT', `Rule ${ruleId} is archived; create a new rule instead.`);
    return found;
  }
}
