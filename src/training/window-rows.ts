import { featureNames } from '../features/catalogue/feature-catalogue.js';
import { alignFeatures } from '../features/feature-alignment.js';
import type { FeatureSchema } from '../features/feature-schema.js';

/** The rows of one time window, as a replay collected them: engine values, overrides, targets. */
export class WindowRows {
  private values = new Float32Array(0);
  private capacity = 0;
  private readonly width = featureNames.length;
  /** Row count. */
  length = 0;
  /** created_at of each row (ms). */
  readonly createdAt: number[] = [];
  /** Sender (card / customer) of each row. */
  readonly senders: string[] = [];
  /** Transaction id of each row. */
  readonly txIds: string[] = [];
  /** 1 when the transaction's final label is fraud, else 0 (unlabelled = presumed legitimate). */
  readonly targets: number[] = [];
  /** The record's feature overrides of each row (f_ columns). */
  readonly overrides: (Readonly<Record<string, number>> | undefined)[] = [];

  /** Appends one transaction's catalogue values (catalogue order) and facts. */
  push(values: Float64Array, overrides: Readonly<Record<string, number>> | undefined, fact: { txId: string; createdAt: number; sender: string; target: number }): void {
    if (this.length === this.capacity) this.grow();
    this.values.set(values, this.length * this.width);
    this.overrides.push(overrides);
    this.createdAt.push(fact.createdAt);
    this.senders.push(fact.sender);
    this.txIds.push(fact.txId);
    this.targets.push(fact.target);
    this.length++;
  }

  private grow(): void {
    this.capacity = Math.max(1024, this.capacity * 2);
    const next = new Float32Array(this.capacity * this.width);
    next.set(this.values);
    this.values = next;
  }

  /** Fraud rows. */
  get positives(): number {
    let count = 0;
    for (const target of this.targets) count += target;
    return count;
  }

  /**
   * The model's input columns (model order, float32 as the predictor reads them): every row goes
   * through the same `alignFeatures` the API uses, so catalogue values, overrides and missing values
   * are resolved exactly as when scoring.
   */
  alignedColumns(schema: FeatureSchema): Float32Array[] {
    const aligner = alignFeatures(schema);
    const columns = aligner.names.map(() => new Float32Array(this.length));
    const values = new Float64Array(this.width);
    const row = new Float64Array(aligner.names.length);
    for (let index = 0; index < this.length; index++) {
      for (let feature = 0; feature < this.width; feature++) values[feature] = this.values[index * this.width + feature]!;
      aligner.align(values, this.overrides[index], row);
      for (let feature = 0; feature < row.length; feature++) columns[feature]![index] = row[feature]!;
    }
    return columns;
  }

  /** Override names present in any row, sorted. */
  overrideNames(): string[] {
    const names = new Set<string>();
    for (const overrides of this.overrides) if (overrides !== undefined) for (const name of Object.keys(overrides)) names.add(name);
    return [...names].sort();
  }
}
