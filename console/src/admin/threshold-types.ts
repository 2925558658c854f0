import type { paths } from '../api/schema';

/** The answer of the threshold preview: current and proposed thresholds on the same stored decisions. */
export type Preview = paths['/v1/admin/thresholds/preview']['post']['responses'][200]['content']['application/json'];
