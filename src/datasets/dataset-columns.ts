/** The columns a tabular file of the contract may hold. */
export interface FileColumns {
  /** Columns the header must name and every row must fill (except where a row parser says otherwise). */
  readonly required: readonly string[];
  /** Columns the contract knows that may be absent or empty. */
  readonly optional: readonly string[];
  /** Whether extra `f_<name>` columns (numeric feature overrides) are allowed. */
  readonly allowsOverrides: boolean;
}

/** Prefix of the feature override columns of the transactions file (`f_ip_is_hosting`). */
export const overrideColumnPrefix = 'f_';

/** Columns of transactions.csv / the keys of transactions.jsonl: the flattened scoring request. */
export const transactionColumns: FileColumns = {
  required: [
    'tx_id',
    'created_at',
    'amount',
    'currency',
    'direction',
    'channel',
    'psp',
    'route_id',
    'status',
    'status_reason',
    'fee_total',
    'sender_entity_id',
    'receiver_entity_id',
    'sender_country',
    'receiver_country',
  ],
  optional: ['fx_rate', 'user_id', 'merchant_id', 'ip_hash', 'device_id_hash', 'session_id', 'user_agent'],
  allowsOverrides: true,
};

/** Columns of labels.csv. */
export const labelColumns: FileColumns = {
  required: ['tx_id', 'label', 'labeled_at', 'source'],
  optional: ['reason'],
  allowsOverrides: false,
};

/** Columns of entities.csv. */
export const entityColumns: FileColumns = {
  required: ['entity_id', 'entity_type'],
  optional: ['country', 'created_at', 'name'],
  allowsOverrides: false,
};

/** Columns of kyc_refs.csv; a row must fill at least one of the three document columns. */
export const kycRefColumns: FileColumns = {
  required: ['entity_id'],
  optional: ['doc_hash', 'doc_s3_url', 'text_blob'],
  allowsOverrides: false,
};

/**
 * Kinds of entity in entities.csv. Seed 003 has no enumeration for them; these are Sentra's:
 * a person (a card holder, a wallet user), a business (KYB subject) or a merchant (an acceptor of
 * payments: a shop, a terminal, a website).
 */
export const entityTypes = ['individual', 'business', 'merchant'] as const;
/** The kind of an entity. */
export type EntityType = (typeof entityTypes)[number];

/** The override name of a column, or undefined when it is not an `f_<name>` column. */
export function overrideName(column: string): string | undefined {
  return column.length > overrideColumnPrefix.length && column.startsWith(overrideColumnPrefix)
    ? column.slice(overrideColumnPrefix.length)
    : undefined;
}
