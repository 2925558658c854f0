import { entityTypes, type EntityType } from './dataset-columns.js';
import { RowChecker, type RowResult } from './row-checker.js';
import type { RowFields } from './row-fields.js';

/** A row of entities.csv: a sender or receiver of payments as the platform knows it. */
export interface EntityRecord {
  entityId: string;
  entityType: EntityType;
  /** ISO-3166 alpha-2, upper case; undefined when not given. */
  country: string | undefined;
  /** When the entity was created on the platform (ms since epoch); undefined when not given. */
  createdAt: number | undefined;
  /** Display or legal name; undefined when not given. */
  name: string | undefined;
}

/** Parses and checks one row of entities.csv; duplicates are the dataset validator's concern. */
export function parseEntityRow(fields: RowFields): RowResult<EntityRecord> {
  const check = new RowChecker(fields);
  const entityId = check.text('entity_id', true);
  const entityType = check.oneOf('entity_type', entityTypes);
  const country = check.country('country', false);
  const createdAt = check.timestamp('created_at', false);
  const name = check.text('name', false);
  return check.result(() => ({ entityId: entityId!, entityType: entityType!, country, createdAt, name }));
}
