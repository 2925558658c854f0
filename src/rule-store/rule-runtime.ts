import type { Kysely } from 'kysely';
import type { Environment } from '@marcbachmann/cel-js';
import type { Database } from '../platform/database-schema.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import { featureNames } from '../features/catalogue/feature-catalogue.js';
import { compileExpression } from '../rules/compile-rule.js';
import { RuleSet, type CompiledRule, type RuleVersion } from '../rules/rule-set.js';
import { enabledRuleVersions } from './rule.repository.js';
import { liveEntries } from './list.repository.js';
import { ListExpiries } from './list-expiries.js';

const knownFeatures: ReadonlySet<string> = new Set(featureNames);

/** What the scoring path holds per tenant: the compiled rules and every list in memory. */
export interface TenantRules {
  /** The tenant's rule-set version these were loaded at. */
  readonly version: number;
  readonly ruleSet: RuleSet;
  /** name → (value → expiry ms); membership is a Map lookup, never a database read. */
  readonly lists: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

interface Loaded extends TenantRules {
  readonly lists: Map<string, Map<string, number>>;
  readonly listVersions: ReadonlyMap<string, number>;
  /** name → its expiring entries, earliest first. */
  readonly expiries: ReadonlyMap<string, ListExpiries>;
  /** Earliest expiry of any held entry (ms); the entries due are swept once it passes. */
  nextExpiry: number;
}

function earliestExpiry(expiries: ReadonlyMap<string, ListExpiries>): number {
  let earliest = Number.POSITIVE_INFINITY;
  for (const queue of expiries.values()) earliest = Math.min(earliest, queue.nextAt);
  return earliest;
}

/**
 * Per-tenant compiled rules and lists, hot-swapped. A change made through this process is applied
 * before its request answers; other processes poll the tenants' rule-set versions every `pollMs`
 * and swap in the new set when one moved, so a change is in force everywhere within `pollMs` plus
 * the reload (docs/scaling.md). A request in flight keeps the set it started with. Each rule version
 * is compiled once per process and reused across swaps; a list is reloaded only when its own
 * version moved.
 */
export class RuleRuntime {
  private readonly tenants = new Map<string, Loaded>();
  private readonly loading = new Map<string, Promise<Loaded>>();
  private readonly compiled = new Map<string, CompiledRule>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly logger: Logger,
    readonly environment: Environment,
    /** Poll interval of the version check (the hot-swap bound across processes). */
    readonly pollMs = 1_000,
  ) {}

  /** Starts polling for changes made by other processes. */
  start(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => void this.poll(), this.pollMs);
    this.timer.unref();
  }

  /** Stops polling. */
  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The tenant's rules and lists in force (loaded on first use; expired entries swept). */
  forTenant(tenantId: string): TenantRules | Promise<TenantRules> {
    const loaded = this.tenants.get(tenantId);
    if (loaded === undefined) return this.reload(tenantId);
    if (this.clock.now() >= loaded.nextExpiry) this.sweep(loaded);
    return loaded;
  }

  /** Reloads a tenant now (after a change through this process). */
  async refresh(tenantId: string): Promise<void> {
    await this.reload(tenantId);
  }

  private sweep(loaded: Loaded): void {
    const now = this.clock.now();
    for (const [name, queue] of loaded.expiries) if (queue.nextAt <= now) queue.sweep(loaded.lists.get(name)!, now);
    loaded.nextExpiry = earliestExpiry(loaded.expiries);
  }

  private reload(tenantId: string): Promise<Loaded> {
    const pending = this.loading.get(tenantId);
    if (pending !== undefined) return pending.then(() => this.reload(tenantId));
    const load = this.load(tenantId).finally(() => this.loading.delete(tenantId));
    this.loading.set(tenantId, load);
    return load;
  }

  private async load(tenantId: string): Promise<Loaded> {
    const previous = this.tenants.get(tenantId);
    const head = await this.db.selectFrom('rule_set_heads').select('version').where('tenant_id', '=', tenantId).executeTakeFirst();
    const version = head === undefined ? 0 : Number(head.version);
    const versions = await enabledRuleVersions(this.db, tenantId);
    const storedLists = await this.db.selectFrom('rule_lists').select(['name', 'version']).where('tenant_id', '=', tenantId).execute();
    const lists = new Map<string, Map<string, number>>();
    const listVersions = new Map<string, number>();
    const expiries = new Map<string, ListExpiries>();
    const at = new Date(this.clock.now());
    for (const list of storedLists) {
      const listVersion = Number(list.version);
      const held = previous?.listVersions.get(list.name) === listVersion ? previous.lists.get(list.name) : undefined;
      const entries = held ?? (await liveEntries(this.db, tenantId, list.name, at));
      lists.set(list.name, entries);
      expiries.set(list.name, (held === undefined ? undefined : previous?.expiries.get(list.name)) ?? new ListExpiries(entries));
      listVersions.set(list.name, listVersion);
    }
    const loaded: Loaded = { version, ruleSet: new RuleSet(version, versions.map((rule) => this.compile(rule))), lists, listVersions, expiries, nextExpiry: earliestExpiry(expiries) };
    // A slower load must not replace a newer one that finished first.
    const current = this.tenants.get(tenantId);
    if (current === undefined || current.version <= version) this.tenants.set(tenantId, loaded);
    return this.tenants.get(tenantId)!;
  }

  private compile(rule: RuleVersion): CompiledRule {
    const key = `${rule.ruleId}@${rule.version}`;
    const cached = this.compiled.get(key);
    if (cached !== undefined) return cached;
    const result = compileExpression(this.environment, rule.expression, { features: knownFeatures });
    const compiled: CompiledRule = {
      ...rule,
      evaluate: result.ok
        ? result.evaluate
        : () => {
            throw new Error(`the stored expression no longer compiles: ${result.problems[0]?.message ?? ''}`);
          },
    };
    this.compiled.set(key, compiled);
    return compiled;
  }

  private async poll(): Promise<void> {
    if (this.tenants.size === 0) return;
    try {
      const heads = await this.db.selectFrom('rule_set_heads').select(['tenant_id', 'version']).where('tenant_id', 'in', [...this.tenants.keys()]).execute();
      for (const head of heads) {
        if (Number(head.version) !== this.tenants.get(head.tenant_id)?.version) await this.reload(head.tenant_id);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'rule set poll failed; keeping the rules in force');
    }
  }
}
