import type { paths } from '../api/schema';

/** `GET /v1/dashboard`'s answer. */
export type Dashboard = paths['/v1/dashboard']['get']['responses'][200]['content']['application/json'];
