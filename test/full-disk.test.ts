import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/database.js';
import { scoreBody } from './support/score-body.js';
import { serve } from './support/serve-process.js';

const token = 'full-disk-admin-token-0123456789';
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

/** A small file system of the test's own (tmpfs needs root: `.ci/run` runs as root), or undefined. */
function smallFileSystem(megabytes: number): string | undefined {
  const mountPoint = mkdtempSync(join(tmpdir(), 'sentra-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', mountPoint], { stdio: 'ignore' });
    return mountPoint;
  } catch {
    rmSync(mountPoint, { recursive: true, force: true });
    return undefined;
  }
}

const probe = smallFileSystem(1);
if (probe !== undefined) {
  execFileSync('umount', [probe]);
  rmSync(probe, { recursive: true, force: true });
}

/**
 * The embedded data folder's disk fills up while payments are scored. The server must answer 503
 * with a clear code once it cannot write, never acknowledge a decision it did not store, keep
 * serving what it stored, and recover by itself once space is freed.
 */
describe.skipIf(probe === undefined)('a full disk under the embedded database', () => {
  it('answers 503 without acknowledging anything unstored, then recovers when space is freed', { timeout: 180_000 }, async () => {
    const mountPoint = smallFileSystem(400)!;
    try {
      const dataDir = join(mountPoint, 'data');
      mkdirSync(dataDir);
      const server = await serve(dataDir, 18_481, { SENTRA_BOOTSTRAP_TOKEN: token });
      // Leave about 2 MB free: the write-ahead log segment in use is preallocated, so decisions go on
      // being stored until a table needs a new page or the log a new segment.
      const free = () => {
        const stats = statfsSync(mountPoint);
        return stats.bavail * stats.bsize;
      };
      const filler = join(mountPoint, 'filler');
      execFileSync('fallocate', ['-l', String(free() - 2 * 1024 * 1024), filler]);

      const answered: Array<{ txId: string; requestId: string }> = [];
      let refused: { txId: string; status: number; body: { error?: { code?: string } } } | undefined;
      for (let index = 0; index < 5_000 && refused === undefined; index++) {
        const txId = `full-${index}`;
        const response = await fetch('http://127.0.0.1:18481/v1/risk/score', {
          method: 'POST',
          headers,
          body: JSON.stringify(scoreBody({ transaction: { tx_id: txId }, entities: { sender_entity_id: `full-sender-${index}` } })),
        });
        const body = (await response.json()) as { request_id: string; error?: { code?: string } };
        if (response.status === 200) answered.push({ txId, requestId: body.request_id });
        else refused = { txId, status: response.status, body };
      }
      expect(refused, 'the disk filled up within 5,000 payments').toBeDefined();
      expect(refused!.status).toBe(503);
      expect(refused!.body.error?.code).toBe('SENTRA_ERR_STORE_UNAVAILABLE');
      // Everything acknowledged is served back while the disk is still full.
      for (const { requestId } of answered.slice(-20)) {
        expect((await fetch(`http://127.0.0.1:18481/v1/decisions/${requestId}`, { headers })).status).toBe(200);
      }

      rmSync(filler);
      const retried = await fetch('http://127.0.0.1:18481/v1/risk/score', {
        method: 'POST',
        headers,
        body: JSON.stringify(scoreBody({ transaction: { tx_id: 'after-space-freed' } })),
      });
      expect(retried.status, 'scoring resumes once space is freed').toBe(200);
      expect(await server.stop()).toBe(0);

      const database = await openDatabase({ databaseUrl: undefined, dataDir, timeoutMs: 5_000 });
      try {
        const stored = await sql<{ tx_id: string }>`select tx_id from risk_scores`.execute(database.db);
        const storedIds = new Set(stored.rows.map((row) => row.tx_id));
        expect(answered.filter(({ txId }) => !storedIds.has(txId)), 'answered but not stored').toEqual([]);
        expect(storedIds.has(refused!.txId), 'the refused payment was not stored').toBe(false);
      } finally {
        await database.close();
      }
    } finally {
      execFileSync('umount', ['-l', mountPoint]);
      rmSync(mountPoint, { recursive: true, force: true });
    }
  });
});
