import { Type, type Static } from '@sinclair/typebox';

const DateTime = Type.String({ format: 'date-time' });

/** A registered model version as listed. */
export const ModelVersionView = Type.Object({
  version: Type.String({ description: 'Content-derived: metadata name plus a hash of model.json and feature_schema.json.' }),
  name: Type.Union([Type.String(), Type.Null()], { description: 'metadata.json `name`.' }),
  active: Type.Boolean({ description: "True for the version the tenant's payments are scored with." }),
  registered_at: DateTime,
  registered_by: Type.String({ description: 'The token id (or CLI actor) that registered it.' }),
  last_activated_at: Type.Union([DateTime, Type.Null()], { description: 'Its latest activation (audit log); null if never activated.' }),
  trained_at: Type.Union([Type.String(), Type.Null()], { description: 'metadata.json `created_at`, as the trainer wrote it.' }),
  metrics: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()], {
    description: 'metadata.json `metrics` as stored (validation AUC, average precision, card precision@100, log loss); null when the artifact has none.',
  }),
  validation: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()], { description: 'metadata.json `validation`: the validation window, its rows and frauds.' }),
  trees: Type.Union([Type.Integer(), Type.Null()]),
});

/** `GET /v1/admin/models` answer. */
export const ModelVersionList = Type.Object({
  active: Type.Union([Type.Object({ version: Type.String(), activated_at: DateTime, activated_by: Type.String() }), Type.Null()]),
  items: Type.Array(ModelVersionView),
});

const Point = Type.Object({ x: Type.Number(), y: Type.Number() });
const CalibrationBinView = Type.Object({
  lower: Type.Number(),
  upper: Type.Number(),
  count: Type.Integer(),
  mean_predicted: Type.Union([Type.Number(), Type.Null()], { description: 'Null for an empty bin.' }),
  observed_rate: Type.Union([Type.Number(), Type.Null()], { description: 'Null for an empty bin.' }),
});

/** Curves of a version on its labelled stored decisions. */
export const ModelCurvesView = Type.Object({
  source: Type.Literal('labelled_decisions', {
    description: "This tenant's stored decisions made by this version whose payment has a fraud or legit label (its latest), the latest 200,000.",
  }),
  rows: Type.Integer(),
  frauds: Type.Integer(),
  auc: Type.Number(),
  average_precision: Type.Number(),
  roc: Type.Array(Point, { description: 'False positive rate (x) → true positive rate (y), at most ~200 points.' }),
  precision_recall: Type.Array(Point, { description: 'Recall (x) → precision (y).' }),
  calibration: Type.Array(CalibrationBinView, { description: 'Ten equal-width probability bins: mean predicted probability against the observed fraud rate.' }),
});

/** `GET /v1/admin/models/{version}` answer. */
export const ModelVersionDetail = Type.Object({
  ...ModelVersionView.properties,
  metadata: Type.Object({}, { additionalProperties: true, description: 'metadata.json as registered.' }),
  feature_importance: Type.Array(Type.Object({ feature: Type.String(), share: Type.Number() }), {
    description: "The 15 features with the largest total split gain in the model's trees, as shares of the total gain.",
  }),
  curves: Type.Union([ModelCurvesView, Type.Null()], {
    description: 'ROC, precision–recall and calibration on labelled stored decisions of this version; null when it has none with both fraud and legit labels (see curves_note).',
  }),
  curves_note: Type.String({ description: 'Where the curves come from, or why there are none.' }),
});

const ModelText = Type.String({ minLength: 2, description: 'The text of model.json (XGBoost JSON), as in the file: the version hashes this text.' });

/** `POST /v1/admin/models` body: an artifact folder's three files. */
export const RegisterModelBody = Type.Object(
  {
    model_json: ModelText,
    feature_schema: Type.Object({}, { additionalProperties: true, description: 'feature_schema.json' }),
    metadata: Type.Object({}, { additionalProperties: true, description: 'metadata.json' }),
    activate: Type.Optional(Type.Boolean({ description: 'Also make it the active model (default false).' })),
  },
  { additionalProperties: false },
);
/** A register-model body. */
export type RegisterModelBody = Static<typeof RegisterModelBody>;

/** `POST /v1/admin/models` answer. */
export const RegisteredModelView = Type.Object({
  ...ModelVersionView.properties,
  created: Type.Boolean({ description: 'False when this tenant had already registered the same content (nothing was written).' }),
});

/** Path parameter naming a version. */
export const ModelVersionParams = Type.Object({ version: Type.String({ minLength: 1, maxLength: 80, pattern: '^[A-Za-z0-9_.-]+$' }) });
/** A version path parameter. */
export type ModelVersionParams = Static<typeof ModelVersionParams>;
