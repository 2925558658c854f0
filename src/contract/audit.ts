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
