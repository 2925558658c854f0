import type { LabelValue } from '../../contract/enums.js';
import { isAccountChange } from '../../contract/event-types.js';
import type { LabeledTransaction, LabelRecord, OnlineSignals, TransactionRecord } from '../../contract/transaction-record.js';
import { featureCatalogue } from '../catalogue/feature-catalogue.js';
import type { FeatureDefinition, FeatureInput } from '../catalogue/feature-definition.js';
import type { KycByEntity } from '../catalogue/party-kyc.js';
import { amountInUsd } from '../currency.js';
import { writeTimeOfDay, type TimeOfDay } from '../local-time.js';
import { hashIp } from '../network/ip-hash.js';
import type { NetworkObservation, NetworkSignals } from '../network/network-signals.js';
import { UserAgentCache } from '../network/user-agent.js';
import { countryCode } from '../codes.js';
import { writeContribution, type LabelEvent, type ProfileEvent } from '../profile/profile-event.js';
import { ringFields } from '../profile/ring-fields.js';
import type { ProfileStore, SyncProfileStore } from '../profile/profile-store.js';
import { snapshotLength } from '../profile/snapshot-fields.js';
import { VectorPool } from './vector-pool.js';

/** How to build an engine. */
export interface FeatureEngineOptions<Store extends ProfileStore> {
  /** Where profiles live: `MemoryProfileStore` (embedded, replay) or `RedisProfileStore` (shared). */
  readonly store: Store;
  /** IP intelligence for raw IPs (offline databases); without it IP-derived features are missing. */
  readonly networkSignals?: NetworkSignals;
  /** Per-install secret for `hashIp`; needed to profile raw IPs that arrive without an ip_hash. */
  readonly ipHashSecret?: string;
  /** Distinct user agents whose parse is cached (default 10,000). */
  readonly userAgentCacheSize?: number;
}

/** Inputs beyond the record for one observation. */
export interface ObserveContext {
  /** Network signals stored with a past transaction (replay / rebuild); used instead of a lookup. */
  readonly network?: NetworkObservation;
  /** Ready KYC/KYB enrichments of the parties by entity id (the scoring path's lookup); absent: the KYC features are missing. */
  readonly kyc?: KycByEntity;
}

/** The features of one transaction at its moment. */
export interface FeatureVector {
  /** Catalogue values in `featureCatalogue` order; NaN = missing. */
  readonly values: Float64Array;
  /** The record's overrides, for alignment (`feature_overrides` / `f_` columns). */
  readonly overrides: Readonly<Record<string, number>> | undefined;
  /** True when this txId had already been observed: nothing was counted again. */
  readonly rescored: boolean;
  /** The IP hash the transaction was profiled under (computed from the raw IP when needed). */
  readonly ipHash: string | undefined;
  /** Derived network signals to persist with the decision (never the raw IP). */
  readonly network: NetworkObservation | undefined;
}

type Mutable<T> = { -readonly [Key in keyof T]: T[Key] };

/** One observation in progress: the store's event and the inputs of the feature definitions. */
interface Prepared {
  readonly event: Mutable<ProfileEvent> & { readonly entityIds: (string | undefined)[]; readonly contribution: Float64Array };
  readonly input: Mutable<FeatureInput> & { readonly time: Mutable<TimeOfDay> };
  ipHash: string | undefined;
}

function newPrepared(): Prepared {
  return {
    event: {
      tenantId: '',
      txId: '',
      createdAt: 0,
      entityIds: [undefined, undefined, undefined, undefined, undefined],
      contribution: new Float64Array(ringFields.length),
      latitude: Number.NaN,
      longitude: Number.NaN,
      ipCountry: undefined,
      accountChange: false,
    },
    input: {
      record: undefined as unknown as TransactionRecord,
      snapshot: undefined as unknown as Float64Array,
      amountUsd: Number.NaN,
      time: { utcHour: 0, utcDayOfWeek: 0, localHour: 0, localFractionalHour: 0 },
      network: undefined,
      userAgent: undefined,
      online: undefined,
      kyc: undefined,
    },
    ipHash: undefined,
  };
}

/**
 * The feature engine: one set of definitions for online scoring and offline replay. `observe`
 * returns the features from the profile state BEFORE the transaction, then folds it in; labels
 * are folded with `applyLabel` at their `labeledAt`. Every profile key is scoped by tenant.
 */
export class FeatureEngine<Store extends ProfileStore = ProfileStore> {
  readonly store: Store;
  private readonly networkSignals: NetworkSignals | undefined;
  private readonly ipHashSecret: string | undefined;
  private readonly userAgents: UserAgentCache;
  private readonly scratch = new Float64Array(snapshotLength);
  private readonly vectors = new VectorPool(featureCatalogue.length);
  private readonly plan = computePlan();
  /** Reused by the synchronous path, which never has two observations in progress. */
  private readonly syncPrepared = newPrepared();

  constructor(options: FeatureEngineOptions<Store>) {
    this.store = options.store;
    this.networkSignals = options.networkSignals;
    this.ipHashSecret = options.ipHashSecret === '' ? undefined : options.ipHashSecret;
    this.userAgents = new UserAgentCache(options.userAgentCacheSize);
  }

  /** Point-in-time features of `record` for `tenantId`, then folds it into the profiles. */
  async observe(tenantId: string, record: TransactionRecord, online?: OnlineSignals, context?: ObserveContext): Promise<FeatureVector> {
    const prepared = this.prepare(newPrepared(), tenantId, record, online, context);
    const result = await this.store.observe(prepared.event);
    return this.finish(prepared, result.snapshot, result.rescored);
  }

  /** The synchronous `observe` of an engine on the in-memory store (replay); identical values. */
  observeSync(this: FeatureEngine<SyncProfileStore>, tenantId: string, record: TransactionRecord, online?: OnlineSignals, context?: ObserveContext): FeatureVector {
    const prepared = this.prepare(this.syncPrepared, tenantId, record, online, context);
    const rescored = this.store.observeSync(prepared.event, this.scratch);
    return this.finish(prepared, this.scratch, rescored);
  }

  /**
   * Folds a label known from `label.labeledAt` into the label counters of the transaction's sender
   * and receiver. Pass `previous` when the transaction already had a label (a changed verdict), so
   * it is moved rather than counted twice; the same label again is a no-op.
   */
  async applyLabel(tenantId: string, label: LabelRecord, transaction: LabeledTransaction, previous?: LabelValue): Promise<void> {
    const event = labelEvent(tenantId, label, transaction, previous);
    if (event !== undefined) await this.store.applyLabel(event);
  }

  /** The synchronous `applyLabel` of an engine on the in-memory store. */
  applyLabelSync(this: FeatureEngine<SyncProfileStore>, tenantId: string, label: LabelRecord, transaction: LabeledTransaction, previous?: LabelValue): void {
    const event = labelEvent(tenantId, label, transaction, previous);
    if (event !== undefined) this.store.applyLabelSync(event);
  }

  private prepare(prepared: Prepared, tenantId: string, record: TransactionRecord, online: OnlineSignals | undefined, context: ObserveContext | undefined): Prepared {
    const amountUsd = amountInUsd(record);
    const time = writeTimeOfDay(record.createdAt, record.senderCountry, prepared.input.time);
    const ipAddress = online?.ipAddress === '' ? undefined : online?.ipAddress;
    const ipHash = record.ipHash ?? (ipAddress !== undefined && this.ipHashSecret !== undefined ? hashIp(this.ipHashSecret, ipAddress) : undefined);
    const network = context?.network ?? (ipAddress === undefined ? undefined : this.networkSignals?.lookup(ipAddress));
    const userAgentText = record.userAgent ?? online?.userAgent;
    const userAgent = userAgentText === undefined || userAgentText === '' ? undefined : this.userAgents.parse(userAgentText);
    const event = prepared.event;
    event.tenantId = tenantId;
    event.txId = record.txId;
    event.createdAt = record.createdAt;
    event.entityIds[0] = record.senderEntityId;
    event.entityIds[1] = record.receiverEntityId;
    event.entityIds[2] = presentOrUndefined(record.deviceIdHash);
    event.entityIds[3] = presentOrUndefined(ipHash);
    event.entityIds[4] = presentOrUndefined(record.sessionId);
    writeContribution(amountUsd, time.localFractionalHour, event.contribution);
    event.latitude = network?.latitude ?? Number.NaN;
    event.longitude = network?.longitude ?? Number.NaN;
    // Only an assigned-looking code joins the user's countries (`ZZ` is the lookup's "unknown").
    event.ipCountry = network?.country !== undefined && network.country !== 'ZZ' && countryCode(network.country) !== 0 ? network.country : undefined;
    event.accountChange = isAccountChange(record.overrides);
    const input = prepared.input;
    input.record = record;
    input.amountUsd = amountUsd;
    input.network = network;
    input.userAgent = userAgent;
    input.online = online;
    input.kyc = context?.kyc;
    prepared.ipHash = ipHash;
    return prepared;
  }

  private finish(prepared: Prepared, snapshot: Float64Array, rescored: boolean): FeatureVector {
    const input = prepared.input;
    input.snapshot = snapshot;
    const values = this.vectors.next();
    const { copyTargets, copySources, copyDivisors, computed, definitions } = this.plan;
    for (let index = 0; index < copyTargets.length; index++) values[copyTargets[index]!] = snapshot[copySources[index]!]! / copyDivisors[index]!;
    for (let index = 0; index < computed.length; index++) values[computed[index]!] = definitions[index]!.compute(input);
    const vector = { values, overrides: input.record.overrides, rescored, ipHash: prepared.ipHash, network: input.network };
    // Nothing of this transaction stays reachable from the reused inputs.
    input.record = undefined as unknown as TransactionRecord;
    input.snapshot = undefined as unknown as Float64Array;
    input.network = undefined;
    input.userAgent = undefined;
    input.online = undefined;
    input.kyc = undefined;
    return vector;
  }
}

/** Splits the catalogue into plain snapshot copies and features that need their `compute`. */
function computePlan(): { copyTargets: Int32Array; copySources: Int32Array; copyDivisors: Float64Array; computed: Int32Array; definitions: FeatureDefinition[] } {
  const copies = featureCatalogue.flatMap((definition, index) => (definition.source === undefined ? [] : [{ index, ...definition.source }]));
  return {
    copyTargets: Int32Array.from(copies, (copy) => copy.index),
    copySources: Int32Array.from(copies, (copy) => copy.snapshotIndex),
    copyDivisors: Float64Array.from(copies, (copy) => copy.divisor),
    computed: Int32Array.from(featureCatalogue.flatMap((definition, index) => (definition.source === undefined ? [index] : []))),
    definitions: featureCatalogue.filter((definition) => definition.source === undefined),
  };
}

function presentOrUndefined(id: string | undefined): string | undefined {
  return id === '' ? undefined : id;
}

function labelEvent(tenantId: string, label: LabelRecord, transaction: LabeledTransaction, previous: LabelValue | undefined): LabelEvent | undefined {
  if (label.txId !== transaction.txId) throw new Error(`label for ${label.txId} applied with transaction ${transaction.txId}`);
  if (previous === label.label) return undefined;
  return {
    tenantId,
    transactionCreatedAt: transaction.createdAt,
    labeledAt: label.labeledAt,
    senderId: transaction.senderEntityId,
    receiverId: transaction.receiverEntityId,
    fraudDelta: (label.label === 'fraud' ? 1 : 0) - (previous === 'fraud' ? 1 : 0),
    labeledDelta: previous === undefined ? 1 : 0,
  };
}
