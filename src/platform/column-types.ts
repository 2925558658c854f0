import type { ColumnType } from 'kysely';

/** A jsonb column: written as a JSON string (portable across pg and PGlite), read back parsed. */
export type Json<T> = ColumnType<T, string, string>;
/** A numeric column: the drivers return decimals as strings to keep exact money values. */
export type Decimal = ColumnType<string, string | number, string | number>;
/** A bigint column: drivers disagree (string or bigint), so readers convert with Number(). */
export type BigIntColumn = ColumnType<string | number | bigint, number, number>;
