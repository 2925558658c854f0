import type { FeatureDefinition } from './feature-definition.js';

/** Calendar features of the transaction time. */
export const timeFeatures: readonly FeatureDefinition[] = [
  {
    name: 'hour_of_day_utc',
    type: 'numeric',
    description: 'Hour of created_at in UTC, 0–23.',
    reasonCode: 'HOUR_OF_DAY',
    reasonTemplate: 'The payment was made at {value}h UTC',
    reasonCases: { missing: 'The time of the payment is not known' },
    compute: (input) => input.time.utcHour,
  },
  {
    name: 'day_of_week_utc',
    type: 'numeric',
    description: 'Day of week of created_at in UTC, 0 = Monday … 6 = Sunday.',
    reasonCode: 'DAY_OF_WEEK',
    reasonTemplate: 'The payment was made on weekday {value} (0 = Monday)',
    reasonCases: { zero: 'The payment was made on a Monday (UTC)', missing: 'The day of the payment is not known' },
    compute: (input) => input.time.utcDayOfWeek,
  },
  {
    name: 'is_weekend_utc',
    type: 'binary',
    description: '1 on Saturday or Sunday (UTC), as the handbook TX_DURING_WEEKEND.',
    reasonCode: 'WEEKEND',
    reasonTemplate: 'The payment was made on a weekend',
    reasonCases: { zero: 'The payment was made on a weekday (UTC)', missing: 'The day of the payment is not known' },
    compute: (input) => (input.time.utcDayOfWeek >= 5 ? 1 : 0),
  },
  {
    name: 'is_night_utc',
    type: 'binary',
    description: '1 when the UTC hour is 0–6 (00:00–06:59), as the handbook TX_DURING_NIGHT.',
    reasonCode: 'NIGHT_UTC',
    reasonTemplate: 'The payment was made at night (UTC)',
    reasonCases: { zero: 'The payment was made in the daytime (UTC)', missing: 'The time of the payment is not known' },
    compute: (input) => (input.time.utcHour <= 6 ? 1 : 0),
  },
  {
    name: 'local_hour_of_day',
    type: 'numeric',
    description: "Hour 0–23 in the sender country's standard time (local-time.ts table; UTC for unlisted countries).",
    reasonCode: 'LOCAL_HOUR',
    reasonTemplate: "The payment was made at {value}h in the sender's local time",
    reasonCases: { missing: "The sender's local time is not known" },
    compute: (input) => input.time.localHour,
  },
  {
    name: 'is_night_local',
    type: 'binary',
    description: "1 when the sender's local hour is 0–5 (00:00–05:59).",
    reasonCode: 'LATE_NIGHT_ACTIVITY',
    reasonTemplate: "The payment was made late at night in the sender's local time",
    reasonCases: { zero: "The payment was not made late at night in the sender's local time", missing: "The sender's local time is not known" },
    compute: (input) => (input.time.localHour < 6 ? 1 : 0),
  },
];
