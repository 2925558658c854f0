import type { paths } from '../api/schema';

/** A registered model version as `GET /v1/admin/models` lists it. */
export type ModelVersion = paths['/v1/admin/models']['get']['responses'][200]['content']['application/json']['items'][number];
/** One version with metadata, feature importance and curves. */
export type ModelDetail = paths['/v1/admin/models/{version}']['get']['responses'][200]['content']['application/json'];
/** What `POST /v1/admin/models` takes. */
export type RegisterModelBody = paths['/v1/admin/models']['post']['requestBody']['content']['application/json'];

/** The validation figures a trainer stores in metadata.json `metrics.validation`, where present. */
export interface ValidationFigures {
  auc?: number | null;
  average_precision?: number | null;
  card_precision_at_100?: number | null;
  log_loss?: number | null;
}

/** A version's stored validation figures, or nothing when its artifact carries none. */
export function validationFigures(version: Pick<ModelVersion, 'metrics'>): ValidationFigures {
  const validation = (version.metrics as { validation?: unknown } | null)?.validation;
  return typeof validation === 'object' && validation !== null ? (validation as ValidationFigures) : {};
}

/** A figure for a table cell: four decimals, or an em dash when the artifact has none. */
export function figure(value: number | null | undefined, digits = 4): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '—';
}
