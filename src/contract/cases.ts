import { Type, type Static } from '@sinclair/typebox';
import { EntityEnrichment } from './enrichment.js';

/** The states of a case, from escalation to verdict. */
export const caseStatuses = {
  /** Waiting in the queue; nobody has started on it. */
  open: 'open',
  /** An analyst is working on it. */
  in_review: 'in_review',
  /** Handed up for a second opinion. */
  escalated: 'escalated',
  /** A verdict (fraud or legit) was given. */
  resolved: 'resolved',
} as const satisfies Record<string, string>;

/** A case's status. */
export type CaseStatus = (typeof caseStatuses)[keyof typeof caseStatuses];

/** Every status, in queue order. */
export const caseStatusList = Object.values(caseStatuses) as readonly CaseStatus[];

/** An analyst's verdict on a case; it becomes the transaction's `analyst` label. */
export const caseResolutions = { fraud: 'fraud', legit: 'legit' } as const satisfies Record<string, string>;

/** A verdict. */
export type CaseResolution = (typeof caseResolutions)[keyof typeof caseResolutions];

/** Orders of the case queue. */
export const caseSorts = {
  /** Highest priority first (then newest id). */
  priority: 'priority',
  /** Newest first. */
  created: 'created',
  /** Soonest SLA due time first. */
  sla: 'sla',
} as const satisfies Record<string, string>;

/** A queue order. */
export type CaseSort = (typeof caseSorts)[keyof typeof caseSorts];

/**
 * Where the KYC/KYB enrichment of a case's parties (sender and receiver) stands, from the documents
 * stored for them (kyc_refs) and their results: `flagged` when a ready result raised a signal,
 * else `pending` when a document has no result yet (queued, running or failed), else `ready` when
 * every document is analysed, else `none` (no document for either party).
 */
export const kycStatusList = ['none', 'pending', 'ready', 'flagged'] as const;
/** A case's KYC signal status. */
export type KycStatus = (typeof kycStatusList)[number];

const stringEnum = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Version = Type.Integer({ minimum: 1, description: 'The case version you last saw; a stale one gets 409 with the current version.' });
const Id = Type.String({ minLength: 1, maxLength: 256 });
const Loose = Type.Object({}, { additionalProperties: true });

/** A case as lists and the detail answer it. */
export const CaseView = Type.Object({
  case_id: Type.String(),
  tx_id: Type.String(),
  status: stringEnum(caseStatusList, 'open, in_review, escalated or resolved'),
  version: Type.Integer(),
  decision: Type.String(),
  risk_score: Type.Integer(),
  priority: Type.Integer({ description: 'risk_score / 10 + up to 30 points for the amount (10 per order of magnitude in USD).' }),
  sla_due_at: Type.String({ format: 'date-time' }),
  assignee: Nullable(Type.String({ description: 'Token id of the analyst working it.' })),
  manual: Type.Boolean({ description: 'Opened by save_as_case=true rather than by an escalated decision.' }),
  amount_usd: Type.Union([Type.Number(), Type.Null()]),
  sender_entity_id: Nullable(Type.String()),
  receiver_entity_id: Nullable(Type.String()),
  merchant_id: Nullable(Type.String()),
  has_kyc: Type.Boolean(),
  shadow: Type.Boolean({ description: 'Opened by a decision of a merchant in shadow mode: not in the live queue.' }),
  resolution: Nullable(Type.String()),
  resolved_at: Nullable(Type.String({ format: 'date-time' })),
  resolved_by: Nullable(Type.String()),
  latest_score_id: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});

const commaList = (pattern: string, description: string) => Type.String({ pattern: `^${pattern}(,${pattern})*$`, description });
const isoTime = Type.String({ format: 'date-time' });

/** `GET /v1/cases` query. */
export const CaseListQuery = Type.Object(
  {
    status: Type.Optional(commaList(`(${caseStatusList.join('|')})`, 'Comma-separated statuses.')),
    decision: Type.Optional(commaList('(PASS|REVIEW|HOLD|BLOCK)', 'Comma-separated decisions.')),
    score_min: Type.Optional(Type.String({ pattern: '^(1000|[0-9]{1,3})$' })),
    score_max: Type.Optional(Type.String({ pattern: '^(1000|[0-9]{1,3})$' })),
    assignee: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: '`me`, `unassigned` or a token id.' })),
    created_from: Type.Optional(isoTime),
    created_to: Type.Optional(isoTime),
    merchant_id: Type.Optional(Id),
    receiver_entity_id: Type.Optional(Id),
    sender_entity_id: Type.Optional(Id),
    has_kyc: Type.Optional(stringEnum(['true', 'false'], 'Only cases whose payment came with KYC references (true) or without.')),
    kyc_status: Type.Optional(
      stringEnum(
        kycStatusList,
        "Where the KYC/KYB enrichment of the case's sender and receiver stands: none (no document for either), pending (a document without a ready result yet), ready (every document analysed, no signal raised) or flagged (a ready result raised a signal: sanctions, PEP, document or KYB).",
      ),
    ),
    shadow: Type.Optional(stringEnum(['true', 'false'], "true: the shadow cases of merchants in shadow mode, kept apart; false (default): the live queue.")),
    sort: Type.Optional(stringEnum(Object.values(caseSorts), 'priority (default, highest first), created (newest first) or sla (soonest due first).')),
    limit: Type.Optional(Type.String({ pattern: '^([1-9]|[1-9][0-9]|1[0-9][0-9]|200)$', description: '1–200, default 50.' })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 1024, description: 'next_cursor of the previous page.' })),
  },
  { additionalProperties: false },
);
/** A case list query. */
export type CaseListQuery = Static<typeof CaseListQuery>;

/** `GET /v1/cases` answer. */
export const CaseList = Type.Object({
  items: Type.Array(
    Type.Object({
      ...CaseView.properties,
      kyc_status: stringEnum(kycStatusList, "none, pending, ready or flagged: the KYC/KYB enrichment of the case's parties now (see the kyc_status filter)."),
    }),
  ),
  next_cursor: Type.Union([Type.String(), Type.Null()]),
  counts: Type.Object(Object.fromEntries(caseStatusList.map((status) => [status, Type.Integer()])), {
    description: 'Cases per status under every filter except status.',
  }),
});

const NullableText = Type.Union([Type.String(), Type.Null()]);
/** A payment related to the case's payment, with its latest decision and effective label. */
const RelatedPayment = Type.Object({
  tx_id: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  amount: Type.String({ description: 'Decimal string in the payment currency.' }),
  currency: Type.String(),
  sender_entity_id: Type.String(),
  receiver_entity_id: Type.String(),
  status: Type.String(),
  decision: NullableText,
  risk_score: Type.Union([Type.Integer(), Type.Null()]),
  request_id: Type.Union([Type.String({ description: 'The latest decision of that payment.' }), Type.Null()]),
  label: NullableText,
  label_source: NullableText,
});
const Related = Type.Array(RelatedPayment);

/** `GET /v1/cases/{case_id}` answer. */
export const CaseDetailView = Type.Object({
  case: CaseView,
  transaction: Type.Union([Loose, Type.Null()]),
  entities: Type.Object({ sender: Type.Union([Loose, Type.Null()]), receiver: Type.Union([Loose, Type.Null()]) }),
  decisions: Type.Array(Loose, { description: 'Every decision of the transaction, oldest first, with reasons, evidence and thresholds (review_at, hold_at, block_at).' }),
  related: Type.Object({ sender: Related, device: Related, receiver: Related }, { description: 'Payments of the same sender, device and receiver in the 30 days up to this one.' }),
  kyc_refs: Type.Array(Loose),
  enrichment: Type.Object(
    { sender: Type.Union([EntityEnrichment, Type.Null()]), receiver: Type.Union([EntityEnrichment, Type.Null()]) },
    { description: "Each party's KYC/KYB enrichment as GET /v1/enrichment/{entity_id} answers it (documents, signals, list matches, verified evidence); null for a party without documents." },
  ),
  notes: Type.Array(Type.Object({ at: Type.String(), actor: Type.String(), text: Type.String() })),
  labels: Type.Array(Loose),
  effective_label: Type.Union([Type.Object({ source: Type.String(), label: Type.String() }), Type.Null()]),
  timeline: Type.Array(Type.Object({ at: Type.String(), kind: Type.String(), actor: Type.String(), detail: Loose })),
});

/** Path of a case route. */
export const CaseParams = Type.Object({ case_id: Type.String({ minLength: 1, maxLength: 128 }) });

/** `POST /v1/cases/{id}/assign`. */
export const AssignBody = Type.Object(
  { assignee: Type.Union([Type.String({ minLength: 1, maxLength: 128 }), Type.Null()], { description: '`me`, a token id, or null to unassign.' }), version: Version },
  { additionalProperties: false },
);
/** `POST /v1/cases/{id}/notes`. */
export const NoteBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 10_000 }) }, { additionalProperties: false });
/** `POST /v1/cases/{id}/status`. */
export const StatusBody = Type.Object(
  { status: stringEnum(['open', 'in_review', 'escalated'] as const, 'resolved comes only from /resolve.'), version: Version },
  { additionalProperties: false },
);
const Verdict = stringEnum(Object.values(caseResolutions), 'fraud or legit; recorded as the analyst label of the transaction.');
const Reason = Type.String({ minLength: 1, maxLength: 2048 });
/** `POST /v1/cases/{id}/resolve`. */
export const ResolveBody = Type.Object({ label: Verdict, reason: Reason, version: Version }, { additionalProperties: false });
/** `POST /v1/cases/{id}/reopen`. */
export const ReopenBody = Type.Object({ version: Version, reason: Type.Optional(Type.String({ maxLength: 2048 })) }, { additionalProperties: false });
/** `POST /v1/cases/bulk-resolve`. */
export const BulkResolveBody = Type.Object(
  { items: Type.Array(Type.Object({ case_id: Id, version: Version }, { additionalProperties: false }), { minItems: 1, maxItems: 500 }), label: Verdict, reason: Reason },
  { additionalProperties: false },
);
/** `POST /v1/cases/bulk-resolve` answer: one result per item, in order. */
export const BulkResolveResult = Type.Object({
  results: Type.Array(
    Type.Object({
      case_id: Type.String(),
      status: stringEnum(['resolved', 'error'] as const, 'resolved, or error with the error body of that item'),
      version: Type.Optional(Type.Integer()),
      error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String(), details: Type.Array(Type.Object({ code: Type.String(), path: Type.String(), message: Type.String() })) })),
    }),
  ),
});
