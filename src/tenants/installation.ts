import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';

/**
 * A per-install secret, created on first use and kept in the database so every process of the
 * install shares it (e.g. the key of the keyed IP hash). Concurrent first uses agree on one value.
 */
export async function installationSecret(db: Kysely<Database>, name: string): Promise<Buffer> {
  await db
    .insertInto('installation')
    .values({ key: name, value: randomBytes(32).toString('hex') })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('installation').select('value').where('key', '=', name).executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'hex');
}
