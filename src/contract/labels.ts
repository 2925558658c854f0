import { Type, type Static } from '@sinclair/typebox';
import { labelSources, labelValues } from './enums.js';

const stringEnum = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });

/** One label in data contract v1 form (`labels.csv` columns). */
export const LabelItem = Type.Object(
  {
    tx_id: Type.String({ minLength: 1, maxLength: 256, description: 'A transaction of this tenant.' }),
    label: stringEnum(labelValues, 'fraud or legit'),
    labeled_at: Type.String({ format: 'date-time', description: 'When the label became known; features use it only from then. Not before the transaction.' }),
    source: stringEnum(labelSources, 'Who says so; decides precedence when sources disagree.'),
    reason: Type.Optional(Type.String({ maxLength: 2048 })),
  },
  { additionalProperties: false },
);

/** `POST /v1/labels` body: a JSON array, or the same objects one per line (application/x-ndjson). */
export const LabelBatch = Type.Array(LabelItem, { minItems: 1, maxItems: 10_000 });
/** A label batch. */
export type LabelBatch = Static<typeof LabelBatch>;

/** `POST /v1/labels` answer. */
export const LabelOutcomeView = Type.Object({
  received: Type.Integer(),
  written: Type.Integer({ description: 'New labels stored; the same label sent again is stored once.' }),
  effective_changes: Type.Integer({ description: 'Transactions whose effective label changed (their live profiles moved).' }),
});
