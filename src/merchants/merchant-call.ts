import type { ScoreCall } from '../scoring/scoring.service.js';
import type { OnlineSignals, TransactionRecord } from '../contract/transaction-record.js';

/** A merchant request mapped for the engine: the transaction, the online-only signals, the request digest. */
export interface MerchantCall {
  record: TransactionRecord;
  online: OnlineSignals;
  /** SHA-256 of the request as received (stored with the decision). */
  digest: string;
  /** Signals the request lacked that the answer is weaker without (reported in Sentra-Signal-Quality). */
  missingSignals: readonly string[];
  /** The request's custom inputs, as rules read them (`custom.*`). */
  custom?: Readonly<Record<string, unknown>>;
  /** The event API's event row, committed with the decision (ScoreCall.merchantEvent). */
  merchantEvent?: ScoreCall['merchantEvent'];
}
