import type { Channel, Direction, Psp, TransactionStatus } from '../../contract/enums.js';
import type { TransactionRecord } from '../../contract/transaction-record.js';

/*
 * Transaction records in columns, to hand batches from the reading worker to the replay thread
 * cheaply: numbers in a Float64Array (bit for bit), strings other than tx_id as codes into a string
 * table both sides grow in step (a batch carries only the strings new to the table), overrides in
 * a Float64Array by name. Decoding gives records equal to the encoded ones, property order
 * included; repeated values (entity ids, countries, enumerations) come out as one shared string.
 */

const numberColumns = 4;
const stringColumns = [
  'currency',
  'direction',
  'channel',
  'psp',
  'routeId',
  'status',
  'statusReason',
  'senderEntityId',
  'receiverEntityId',
  'senderCountry',
  'receiverCountry',
  'userId',
  'merchantId',
  'ipHash',
  'deviceIdHash',
  'sessionId',
  'userAgent',
] as const satisfies readonly (keyof TransactionRecord)[];
const width = stringColumns.length;

/** One batch of records in columns (structured-clone friendly; the typed arrays can be transferred). */
export interface RecordColumns {
  readonly count: number;
  /** Per record: createdAt, amount, feeTotal, fxRate (NaN when absent). */
  readonly numbers: Float64Array;
  /** Per record, one table code per string column (-1 when absent). */
  readonly codes: Int32Array;
  readonly txIds: string[];
  /** True when the table starts over before `newStrings`. */
  readonly resetTable: boolean;
  /** Strings appended to the table, in code order. */
  readonly newStrings: string[];
  /** Every override name seen so far, in code order. */
  readonly overrideNames: string[];
  /** Per record, one value per override name (NaN when absent), or undefined when no record has overrides. */
  readonly overrides: Float64Array | undefined;
  /** Overrides whose key order does not follow `overrideNames`, by record index, as they are. */
  readonly otherOverrides: [number, Readonly<Record<string, number>>][];
}

/** Encodes batches of records; one encoder per stream (its table follows the decoder's). */
export class RecordColumnsEncoder {
  private readonly table = new Map<string, number>();

  /** @param tableLimit the table starts over past this many strings, so columns of unique values cannot grow it without bound */
  constructor(private readonly tableLimit = 1 << 20) {}

  private readonly overrideIndex = new Map<string, number>();
  private readonly overrideNames: string[] = [];

  encode(records: readonly TransactionRecord[]): { columns: RecordColumns; transfer: ArrayBuffer[] } {
    const count = records.length;
    const resetTable = this.table.size > this.tableLimit;
    if (resetTable) this.table.clear();
    const numbers = new Float64Array(count * numberColumns);
    const codes = new Int32Array(count * width);
    const txIds: string[] = new Array<string>(count);
    const newStrings: string[] = [];
    const otherOverrides: [number, Readonly<Record<string, number>>][] = [];
    let withOverrides = false;
    for (let index = 0; index < count; index++) {
      const record = records[index]!;
      txIds[index] = record.txId;
      const at = index * numberColumns;
      numbers[at] = record.createdAt;
      numbers[at + 1] = record.amount;
      numbers[at + 2] = record.feeTotal;
      numbers[at + 3] = record.fxRate ?? Number.NaN;
      for (let column = 0; column < width; column++) {
        const value = record[stringColumns[column]!] as string | undefined;
        let code = -1;
        if (value !== undefined) {
          code = this.table.get(value) ?? -1;
          if (code < 0) {
            code = this.table.size;
            this.table.set(value, code);
            newStrings.push(value);
          }
        }
        codes[index * width + column] = code;
      }
      if (record.overrides !== undefined) withOverrides = true;
    }
    let overrides: Float64Array<ArrayBuffer> | undefined;
    if (withOverrides) {
      for (const record of records) for (const name of Object.keys(record.overrides ?? {})) this.overrideCode(name);
      const names = this.overrideNames.length;
      overrides = new Float64Array(count * names).fill(Number.NaN);
      for (let index = 0; index < count; index++) {
        const values = records[index]!.overrides;
        if (values === undefined) continue;
        let previous = -1;
        let ordered = true;
        for (const [name, value] of Object.entries(values)) {
          const code = this.overrideCode(name);
          if (code < previous || Number.isNaN(value)) ordered = false;
          previous = code;
          overrides[index * names + code] = value;
        }
        if (!ordered || Object.keys(values).length === 0) {
          overrides.fill(Number.NaN, index * names, (index + 1) * names);
          otherOverrides.push([index, values]);
        }
      }
    }
    const columns = { count, numbers, codes, txIds, resetTable, newStrings, overrideNames: [...this.overrideNames], overrides, otherOverrides };
    const transfer = [numbers.buffer, codes.buffer];
    if (overrides !== undefined) transfer.push(overrides.buffer);
    return { columns, transfer };
  }

  private overrideCode(name: string): number {
    let code = this.overrideIndex.get(name);
    if (code === undefined) {
      code = this.overrideNames.push(name) - 1;
      this.overrideIndex.set(name, code);
    }
    return code;
  }
}

/** Decodes what one {@link RecordColumnsEncoder} encoded, batch after batch, in order. */
export class RecordColumnsDecoder {
  private table: string[] = [];

  decode(columns: RecordColumns): TransactionRecord[] {
    if (columns.resetTable) this.table = [];
    const table = this.table;
    for (const value of columns.newStrings) table.push(value);
    const { count, numbers, codes, txIds, overrideNames, overrides } = columns;
    const names = overrideNames.length;
    const text = (code: number): string | undefined => (code < 0 ? undefined : table[code]);
    const records: TransactionRecord[] = new Array<TransactionRecord>(count);
    let other = 0;
    for (let index = 0; index < count; index++) {
      const at = index * numberColumns;
      const code = index * width;
      let recordOverrides: Record<string, number> | undefined;
      if (other < columns.otherOverrides.length && columns.otherOverrides[other]![0] === index) {
        recordOverrides = columns.otherOverrides[other++]![1];
      } else if (overrides !== undefined) {
        for (let name = 0; name < names; name++) {
          const value = overrides[index * names + name]!;
          if (!Number.isNaN(value)) (recordOverrides ??= {})[overrideNames[name]!] = value;
        }
      }
      const fxRate = numbers[at + 3]!;
      records[index] = {
        txId: txIds[index]!,
        createdAt: numbers[at]!,
        amount: numbers[at + 1]!,
        currency: table[codes[code]!]!,
        fxRate: Number.isNaN(fxRate) ? undefined : fxRate,
        direction: table[codes[code + 1]!] as Direction,
        channel: table[codes[code + 2]!] as Channel,
        psp: table[codes[code + 3]!] as Psp,
        routeId: table[codes[code + 4]!]!,
        status: table[codes[code + 5]!] as TransactionStatus,
        statusReason: table[codes[code + 6]!]!,
        feeTotal: numbers[at + 2]!,
        senderEntityId: table[codes[code + 7]!]!,
        receiverEntityId: table[codes[code + 8]!]!,
        senderCountry: table[codes[code + 9]!]!,
        receiverCountry: table[codes[code + 10]!]!,
        userId: text(codes[code + 11]!),
        merchantId: text(codes[code + 12]!),
        ipHash: text(codes[code + 13]!),
        deviceIdHash: text(codes[code + 14]!),
        sessionId: text(codes[code + 15]!),
        userAgent: text(codes[code + 16]!),
        overrides: recordOverrides,
      };
    }
    return records;
  }
}
