/**
 * The quantities a time-bucketed ring accumulates per bucket. Every transaction contributes one
 * value per field (see `buildContribution`); labels only touch the two label fields. All fields are
 * integers (amounts in USD cents, squares in dimes², hour sine/cosine in millionths), so window
 * totals kept by adding and subtracting buckets are exact in any order, and both stores agree bit
 * for bit whatever algorithm each uses. The order is part of the Redis script interface: append-only.
 */
export const ringFields = ['count', 'amountCents', 'amountDimesSquare', 'hourSineMillionths', 'hourCosineMillionths', 'fraudKnown', 'labeledKnown'] as const;

/** One accumulated quantity of a ring bucket. */
export type RingField = (typeof ringFields)[number];

/** Position of each ring field in a contribution vector. */
export const ringFieldIndex: Readonly<Record<RingField, number>> = Object.freeze(
  Object.fromEntries(ringFields.map((name, index) => [name, index])) as Record<RingField, number>,
);

/** The entity roles a transaction touches, in the order profiles are read and written. */
export const entityRoles = ['sender', 'receiver', 'device', 'ip', 'session'] as const;

/** Which party of a transaction a profile belongs to. */
export type EntityRole = (typeof entityRoles)[number];

/**
 * What a member set can hold: a related entity (by role), or the country of the request's IP
 * address (`ipCountry`, ISO 3166-1 alpha-2), which has no profile of its own. The order is the
 * order of the member ids a store is given (see ProfileEvent): append-only.
 */
export const setMemberKinds = [...entityRoles, 'ipCountry'] as const;

/** One kind of member set member. */
export type SetMemberKind = (typeof setMemberKinds)[number];

/**
 * Per-entity scalar values; `lastActiveAt` is always the first scalar of every role.
 * `lastAccountChangeAt` is the time of the sender's last password reset or account update.
 */
export const scalarNames = ['lastActiveAt', 'lastTransactionAt', 'lastLatitude', 'lastLongitude', 'lastLocationAt', 'lastAccountChangeAt'] as const;

/** A per-entity scalar. */
export type ScalarName = (typeof scalarNames)[number];

/** Sentinel bucket index of a ring that has never received a transaction. */
export const emptyRingHead = -1;
