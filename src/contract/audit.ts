import { Type, type Static } from '@sinclair/typebox';

/** The verdict on one tenant's stored audit chain. */
export const ChainReportView = Type.Object({
  tenant_id: Type.String(),
  ok: Type.Boolean(),
  entries: Type.Integer({ description: 'Entries read up to the first problem (all of them when ok).' }),
  head: Type.Union([Type.Object({ seq: Type.Integer(), hash: Type.String() }), Type.Null()]),
  checkpoints: Type.Integer({ description: 'Signed checkpoints checked, from the table and the checkpoint file.' }),
  problem: Type.Union([
    Type.Object({
      kind: Type.String({ description: 'sequence, previous_hash, hash, head_mismatch, checkpoint_signature, checkpoint_unreadable, checkpoint_mismatch or missing_tail.' }),
      seq: Type.Integer({ description: 'The first broken entry.' }),
      message: Type.String(),
    }),
    Type.Null(),
  ]),
});

/** `GET /v1/audit/export` query: a window of entry times, `from` inclusive, `to` exclusive. */
export const AuditExportQuery = Type.Object(
  {
    from: Type.String({ format: 'date-time', description: 'Entries at or after this time.' }),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Entries before this time; default now.' })),
  },
  { additionalProperties: false },
);
/** An export query. */
export type AuditExportQuery = Static<typeof AuditExportQuery>;

/** `GET /v1/audit/public-key` answer. */
export const AuditPublicKeyView = Type.Object({
  key_id: Type.String(),
  public_key_pem: Type.String({ description: 'Ed25519 public key (SPKI PEM) that checks checkpoints and export summaries: `sentra audit verify --file F --public-key key.pem`.' }),
});

/** An export line, for the OpenAPI document. */
export const AuditExportLines = Type.String({
  description:
    'JSONL: one line per entry (tenant_id, seq, at, actor, action, subject, payload, prev_hash, hash) in seq order, then one summary line {type: "sentra.audit.export", count, first_seq, last_seq, prev_hash, first_hash, last_hash, exported_at, key_id, signature}.',
});

/** `GET /v1/audit/entries` query. */
export const AuditEntryListQuery = Type.Object(
  {
    action: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'Only entries of this action, e.g. `thresholds.updated`.' })),
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'Only entries about this subject (a token, rule, model version, case, …).' })),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Entries at or after this time.' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Entries before this time.' })),
    limit: Type.Optional(Type.String({ pattern: '^([1-9]|[1-9][0-9]|1[0-9][0-9]|200)$', description: '1–200, default 50.' })),
    cursor: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,15}$', description: 'next_cursor of the previous page: entries before this seq.' })),
  },
  { additionalProperties: false },
);
/** An entry list query. */
export type AuditEntryListQuery = Static<typeof AuditEntryListQuery>;

/** `GET /v1/audit/entries` answer: newest first. */
export const AuditEntryList = Type.Object({
  items: Type.Array(
    Type.Object({
      seq: Type.Integer({ description: 'Position in the tenant’s chain, from 1.' }),
      at: Type.String({ format: 'date-time' }),
      actor: Type.String({ description: 'Who made the change: a token id, or the CLI or system actor.' }),
      action: Type.String(),
      subject: Type.String(),
      payload: Type.Unknown({ description: 'What changed, as recorded.' }),
      hash: Type.String(),
      prev_hash: Type.String(),
    }),
  ),
  next_cursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `cursor` for the next, older page; null on the last page.' }),
});
