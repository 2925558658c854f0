/** The event types of the event API (seed 004), in the order of their `event_type_code` (1–6). */
export const eventTypes = ['payment_attempt', 'login_attempt', 'signup', 'password_reset', 'account_update', 'withdrawal_attempt'] as const;
/** One event type. */
export type EventType = (typeof eventTypes)[number];

/** The event types that move no money: they reach the model with event-type features. */
export const accountEventTypes = ['login_attempt', 'signup', 'password_reset', 'account_update'] as const satisfies readonly EventType[];
/** One account event type. */
export type AccountEventType = (typeof accountEventTypes)[number];

/** Names of the feature overrides an account event carries. */
export const accountEventOverrideNames = ['event_type_code', 'is_account_event'] as const;

/**
 * The feature overrides of an event type, the same for the event API and the simulator's rows:
 * account events carry `event_type_code` (1–6, the position in {@link eventTypes} plus one) and
 * `is_account_event` 1; payments and withdrawals carry none, exactly as payments scored on
 * `POST /v1/risk/score` (and the simulator's payments), so a model sees one kind of payment row.
 */
export function eventTypeOverrides(type: EventType): Readonly<Record<string, number>> | undefined {
  return overridesByType.get(type);
}

const overridesByType = new Map<EventType, Readonly<Record<string, number>>>(
  accountEventTypes.map((type) => [type, Object.freeze({ event_type_code: eventTypes.indexOf(type) + 1, is_account_event: 1 })]),
);

/** The account events that change the account itself: the sender's `lastAccountChangeAt` moves on them. */
export const accountChangeEventTypes = ['password_reset', 'account_update'] as const satisfies readonly AccountEventType[];

const accountChangeCodes: ReadonlySet<number> = new Set(accountChangeEventTypes.map((type) => eventTypes.indexOf(type) + 1));

/** True when a record's overrides mark it as a password reset or an account update (see {@link eventTypeOverrides}). */
export function isAccountChange(overrides: Readonly<Record<string, number>> | undefined): boolean {
  const code = overrides?.event_type_code;
  return code !== undefined && accountChangeCodes.has(code);
}
