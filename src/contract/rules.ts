import { Type, type Static } from '@sinclair/typebox';

/** A rule action: a forced decision, ALLOW (overrides the model), or points added to the score. */
export const RuleActionSchema = Type.Union(
  [
    Type.Union([Type.Literal('BLOCK'), Type.Literal('HOLD'), Type.Literal('REVIEW'), Type.Literal('ALLOW')]),
    Type.Object({ score: Type.Integer({ minimum: -1000, maximum: 1000, description: 'Points added to the 0–1000 risk score before the thresholds.' }) }, { additionalProperties: false }),
  ],
  { description: 'BLOCK, HOLD, REVIEW, ALLOW, or {"score": ±N}.' },
);

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20 });

/** `POST /v1/rules` and `PUT /v1/rules/{id}` (a PUT creates the next version). */
export const RuleBody = Type.Object(
  {
    name: Name,
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    expression: Type.String({ minLength: 1, maxLength: 65_536, description: 'A CEL condition over tx, entities, features, model, lists, signals, custom, sentry and now.' }),
    action: RuleActionSchema,
    priority: Type.Optional(Type.Integer({ minimum: -1_000_000, maximum: 1_000_000, description: 'Higher first; orders reasons and evidence. Default 0.' })),
    mode: Type.Optional(Type.Union([Type.Literal('live'), Type.Literal('shadow')], { description: 'shadow: evaluated and stored, never changes a decision. Default live.' })),
    enabled: Type.Optional(Type.Boolean({ description: 'Default true.' })),
    owner: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    tags: Type.Optional(Tags),
  },
  { $id: 'RuleBody', additionalProperties: false },
);
/** A rule as written by the risk team. */
export type RuleBody = Static<typeof RuleBody>;

/** One immutable version of a rule. */
export const RuleVersionView = Type.Object({
  version: Type.Integer(),
  name: Type.String(),
  description: Type.String(),
  expression: Type.String(),
  action: RuleActionSchema,
  priority: Type.Integer(),
  mode: Type.String(),
  owner: Type.Union([Type.String(), Type.Null()]),
  tags: Type.Array(Type.String()),
  created_by: Type.String(),
  created_at: Type.String(),
});

/** A rule: its current version and state. */
export const RuleView = Type.Object({
  rule_id: Type.String(),
  ...RuleVersionView.properties,
  enabled: Type.Boolean(),
  status: Type.Union([Type.Literal('active'), Type.Literal('archived')]),
  updated_at: Type.String(),
});
/** A rule in API form. */
export type RuleView = Static<typeof RuleView>;

/** A rule with its version history, newest first. */
export const RuleDetailView = Type.Object({ ...RuleView.properties, versions: Type.Array(RuleVersionView) });

/** The kinds of list entries; values are normalized by kind (countries upper case, hashes lower case). */
export const listKinds = ['entity_id', 'device_hash', 'ip_hash', 'email_hash', 'card_bin', 'country', 'asn', 'string'] as const;
/** A list kind. */
export type ListKind = (typeof listKinds)[number];

/** `POST /v1/lists`. */
export const ListBody = Type.Object(
  {
    name: Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$', description: 'Lower-case identifier, as rules use it: lists.<name>.' }),
    kind: Type.Union(listKinds.map((kind) => Type.Literal(kind))),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { $id: 'ListBody', additionalProperties: false },
);
/** A list to create. */
export type ListBody = Static<typeof ListBody>;

/** A list's metadata. */
export const ListView = Type.Object({
  name: Type.String(),
  kind: Type.String(),
  description: Type.String(),
  version: Type.Integer({ description: 'Moves with every change of the entries.' }),
  entry_count: Type.Integer({ description: 'Entries not yet expired.' }),
  created_at: Type.String(),
  updated_at: Type.String(),
});

/** One entry of a list. */
export const ListEntryView = Type.Object({
  value: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  expires_at: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String(),
});

/** A list with a page of its live entries (by value). */
export const ListDetailView = Type.Object({ ...ListView.properties, entries: Type.Array(ListEntryView), next_after: Type.Union([Type.String(), Type.Null()]) });

/** Most entries one upload may carry. */
export const maxListEntriesPerUpload = 1_000_000;

/** One entry to add. */
export const ListEntryInput = Type.Object(
  {
    value: Type.String({ minLength: 1, maxLength: 256 }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
    expires_at: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
/** An entry as sent. */
export type ListEntryInput = Static<typeof ListEntryInput>;

/** `POST /v1/lists/{name}/entries` as JSON (CSV: `value,note,expires_at` with a header line). */
export const ListEntriesBody = Type.Object({ entries: Type.Array(ListEntryInput, { minItems: 1, maxItems: maxListEntriesPerUpload }) }, { $id: 'ListEntriesBody', additionalProperties: false });

/** `DELETE /v1/lists/{name}/entries`. */
export const ListEntriesDeleteBody = Type.Object(
  { values: Type.Array(Type.String({ minLength: 1, maxLength: 256 }), { minItems: 1, maxItems: maxListEntriesPerUpload }) },
  { $id: 'ListEntriesDeleteBody', additionalProperties: false },
);

/** `POST /v1/rules/backtest`: a draft expression and action, a stored rule (or version), or a draft edit of a rule; over [from, to). */
export const BacktestBody = Type.Object(
  {
    expression: Type.Optional(Type.String({ minLength: 1, maxLength: 65_536 })),
    action: Type.Optional(RuleActionSchema),
    rule_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    version: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    from: Type.String({ format: 'date-time', description: 'Decisions scored at or after this time.' }),
    to: Type.String({ format: 'date-time', description: 'Decisions scored before this time.' }),
  },
  { $id: 'BacktestBody', additionalProperties: false },
);
/** A backtest request. */
export type BacktestBody = Static<typeof BacktestBody>;

const Volume = Type.Object({
  transactions: Type.Integer(),
  amount: Type.Record(Type.String(), Type.Number(), { description: 'Sum of amounts per currency.' }),
});
const NullableDecision = Type.Union([Type.String(), Type.Null()]);

/** A backtest's figures. */
export const BacktestView = Type.Object({
  draft: Type.Object({ rule_id: Type.Union([Type.String(), Type.Null()]), version: Type.Union([Type.Integer(), Type.Null()]), expression: Type.String(), action: RuleActionSchema }),
  from: Type.String(),
  to: Type.String(),
  evaluated: Type.Integer({ description: 'Stored decisions in the range.' }),
  errors: Type.Integer({ description: 'Decisions on which the expression failed at run time.' }),
  first_error: Type.Union([Type.String(), Type.Null()]),
  hits: Volume,
  hits_by_decision: Type.Record(Type.String(), Volume, { description: 'Hits by the decision each would get with the draft in force.' }),
  labels: Type.Object({ fraud: Type.Integer(), legit: Type.Integer(), unlabelled: Type.Integer() }),
  precision: Type.Union([Type.Number(), Type.Null()], { description: 'fraud / (fraud + legit) among labelled hits.' }),
  fraud_caught_missed_today: Type.Integer({ description: 'Hits labelled fraud that passed with today’s rules and model and the draft escalates.' }),
  review_rate: Type.Object({ before: Type.Number(), after: Type.Number(), change: Type.Number() }),
  decisions_changed: Type.Integer(),
  examples: Type.Array(
    Type.Object({
      request_id: Type.Union([Type.String(), Type.Null()]),
      tx_id: Type.String(),
      at: Type.String(),
      amount: Type.Number(),
      currency: Type.String(),
      stored_decision: NullableDecision,
      decision_with_rule: NullableDecision,
      label: Type.Union([Type.String(), Type.Null()]),
      href: Type.Union([Type.String(), Type.Null()], { description: 'The decision: GET /v1/decisions/{request_id}.' }),
    }),
    { maxItems: 50 },
  ),
});

/** What a decision stored about its rules (`GET /v1/decisions/{id}` → `rule_hits`). */
export const StoredRuleHitsView = Type.Object({
  rule_set: Type.Integer({ description: 'The tenant’s rule-set version: it names the exact rule versions evaluated.' }),
  evaluated: Type.Integer({ description: 'Rules evaluated.' }),
  model_score: Type.Integer({ description: 'The model’s score before rules.' }),
  model_decision: Type.String(),
  points: Type.Integer({ description: 'Points live score rules added (before clamping).' }),
  hits: Type.Array(
    Type.Object({
      rule_id: Type.String(),
      version: Type.Integer(),
      name: Type.String(),
      action: RuleActionSchema,
      mode: Type.String(),
      outcome: Type.String({ description: 'hit, or error (a run-time failure; it changed nothing).' }),
      error: Type.Optional(Type.String()),
    }),
  ),
});
