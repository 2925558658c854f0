import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { Clock } from '../platform/clock.js';
import { appendAudit } from '../audit/audit.repository.js';
import { SentraError, ValidationError } from '../errors/errors.js';
import { maxListEntriesPerUpload, type ListBody, type ListEntryInput, type ListKind } from '../contract/rules.js';
import { bumpRuleSet, listRules } from './rule.repository.js';
import { bumpList, deleteEntries, entryPage, findList, liveEntryCount, upsertEntries, type ListRow } from './list.repository.js';
import { checkEntries } from './list-entries.js';
import type { RuleChangeListener } from './rule-admin.js';

/** Most entries one `GET /v1/lists/{name}` page carries. */
export const maxEntryPage = 1_000;

/**
 * Named lists of a tenant (block and allow lists of entities, devices, IP and email hashes, BINs,
 * countries, ASNs). Changes are audited, all or nothing, and move the list's version and the
 * tenant's rule-set version, so every process reloads the list it holds in memory.
 */
export class ListAdmin {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly changed: RuleChangeListener,
  ) {}

  private async view(list: ListRow) {
    const at = new Date(this.clock.now());
    return {
      name: list.name,
      kind: list.kind,
      description: list.description,
      version: Number(list.version),
      entry_count: await liveEntryCount(this.db, list.tenant_id, list.name, at),
      created_at: list.created_at.toISOString(),
      updated_at: list.updated_at.toISOString(),
    };
  }

  private async existing(tenantId: string, name: string): Promise<ListRow> {
    const list = await findList(this.db, tenantId, name);
    if (list === undefined) throw new SentraError('SENTRA_ERR_NOT_FOUND', `No list ${name}.`);
    return list;
  }

  /** Creates an empty list. */
  async create(tenantId: string, body: ListBody, actor: string) {
    if ((await findList(this.db, tenantId, body.name)) !== undefined) {
      throw new ValidationError([{ code: 'duplicate', path: '/name', message: `a list named ${body.name} exists already` }]);
    }
    const at = new Date(this.clock.now());
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('rule_lists')
        .values({ tenant_id: tenantId, name: body.name, kind: body.kind, description: body.description ?? '', version: 1, created_by: actor, created_at: at, updated_at: at })
        .execute();
      await appendAudit(trx, [{ tenantId, at, actor, action: 'list.created', subject: body.name, payload: { kind: body.kind } }]);
      await bumpRuleSet(trx, tenantId, at);
    });
    await this.changed(tenantId);
    return this.view(await this.existing(tenantId, body.name));
  }

  /** Every list of the tenant. */
  async all(tenantId: string) {
    const lists = await this.db.selectFrom('rule_lists').selectAll().where('tenant_id', '=', tenantId).orderBy('name').execute();
    return Promise.all(lists.map((list) => this.view(list)));
  }

  /** A list and a page of its live entries. */
  async detail(tenantId: string, name: string, after: string | undefined, limit: number) {
    const list = await this.existing(tenantId, name);
    const rows = await entryPage(this.db, tenantId, name, new Date(this.clock.now()), after, limit);
    return {
      ...(await this.view(list)),
      entries: rows.map((row) => ({ value: row.value, note: row.note, expires_at: row.expires_at?.toISOString() ?? null, created_at: row.created_at.toISOString() })),
      next_after: rows.length === limit ? rows[rows.length - 1]!.value : null,
    };
  }

  /** Adds or refreshes entries (up to 1,000,000 an upload), all or nothing. */
  async addEntries(tenantId: string, name: string, entries: readonly ListEntryInput[], actor: string) {
    const list = await this.existing(tenantId, name);
    if (entries.length === 0 || entries.length > maxListEntriesPerUpload) {
      throw new ValidationError([{ code: 'range', path: '/entries', message: `an upload carries 1 to ${maxListEntriesPerUpload} entries` }]);
    }
    const rows = checkEntries(list.kind as ListKind, entries, this.clock.now());
    const at = new Date(this.clock.now());
    const { written, version } = await this.db.transaction().execute(async (trx) => {
      const count = await upsertEntries(trx, tenantId, name, rows, actor, at);
      const moved = await bumpList(trx, tenantId, name, at);
      await appendAudit(trx, [{ tenantId, at, actor, action: 'list.entries_added', subject: name, payload: { received: entries.length, written: count, list_version: moved } }]);
      await bumpRuleSet(trx, tenantId, at);
      return { written: count, version: moved };
    });
    await this.changed(tenantId);
    return { received: entries.length, written, list_version: version };
  }

  /**
   * Deletes a whole list with its entries, audited with the count removed. A list that a rule not
   * archived (enabled or not) still names is refused with SENTRA_ERR_CONFLICT naming those rules:
   * archive or edit them first, so that no rule turns into an error hit on every payment.
   */
  async delete(tenantId: string, name: string, actor: string) {
    await this.existing(tenantId, name);
    const naming = (await listRules(this.db, tenantId, false)).filter(({ current }) => namesList(current.expression, name));
    if (naming.length > 0) {
      throw new SentraError('SENTRA_ERR_CONFLICT', `The list ${name} is named by ${naming.map(({ rule }) => `${rule.name} (${rule.id})`).join(', ')}; archive or edit those rules first.`, {
        details: naming.map(({ rule }) => ({ code: 'list_in_use', path: `/rules/${rule.id}`, message: `rule ${rule.name} names lists.${name}` })),
      });
    }
    const at = new Date(this.clock.now());
    const deletedEntries = await this.db.transaction().execute(async (trx) => {
      const entries = await trx.deleteFrom('rule_list_entries').where('tenant_id', '=', tenantId).where('list_name', '=', name).executeTakeFirst();
      await trx.deleteFrom('rule_lists').where('tenant_id', '=', tenantId).where('name', '=', name).execute();
      const count = Number(entries.numDeletedRows);
      await appendAudit(trx, [{ tenantId, at, actor, action: 'list.deleted', subject: name, payload: { deleted_entries: count } }]);
      await bumpRuleSet(trx, tenantId, at);
      return count;
    });
    await this.changed(tenantId);
    return { name, deleted_entries: deletedEntries };
  }

  /** Removes entries by value. */
  async removeEntries(tenantId: string, name: string, values: readonly string[], actor: string) {
    await this.existing(tenantId, name);
    const at = new Date(this.clock.now());
    const { deleted, version } = await this.db.transaction().execute(async (trx) => {
      const count = await deleteEntries(trx, tenantId, name, [...new Set(values)]);
      const moved = await bumpList(trx, tenantId, name, at);
      await appendAudit(trx, [{ tenantId, at, actor, action: 'list.entries_deleted', subject: name, payload: { requested: values.length, deleted: count, list_version: moved } }]);
      await bumpRuleSet(trx, tenantId, at);
      return { deleted: count, version: moved };
    });
    await this.changed(tenantId);
    return { deleted, list_version: version };
  }
}

/** True when a CEL expression names `lists.<name>` (or `lists["<name>"]`); a mention inside a string literal counts too, which only errs on the safe side. */
export function namesList(expression: string, name: string): boolean {
  return new RegExp(`\\blists\\s*(?:\\.\\s*${name}\\b|\\[\\s*["']${name}["']\\s*\\])`).test(expression);
}
