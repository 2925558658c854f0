import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { serve } from './support/serve-process.js';

describe('sentra serve', () => {
  it('writes a generated admin token to an owner-only file on the first start, prints its path and never the token, and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sentra-serve-'));
    try {
      const first = await serve(dataDir, 18_301);
      const tokenFile = join(dataDir, 'bootstrap-admin-token');
      expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
      const token = readFileSync(tokenFile, 'utf8').trim();
      expect(token).toMatch(/^sentra_[A-Za-z0-9_-]{43}$/);
      const scored = await fetch('http://127.0.0.1:18301/v1/decisions/dec_unknown', { headers: { authorization: `Bearer ${token}` } });
      expect(scored.status).toBe(404);
      // The path is printed once the server listens, which can come after /readyz first answers:
      // read the whole output once the process has ended.
      expect(await first.stop()).toBe(0);
      expect(first.output()).toContain(tokenFile);
      expect(first.output()).not.toContain(token);
      rmSync(tokenFile);
      const second = await serve(dataDir, 18_302);
      expect(existsSync(tokenFile)).toBe(false);
      const again = await fetch('http://127.0.0.1:18302/v1/decisions/dec_unknown', { headers: { authorization: `Bearer ${token}` } });
      expect(again.status).toBe(404);
      expect(await second.stop()).toBe(0);
      expect(second.output()).not.toContain('bootstrap-admin-token');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to start with an invalid configuration and names every bad variable', async () => {
    const child = spawn(process.execPath, ['dist/cli/main.js', 'serve'], {
      env: { ...process.env, PORT: 'eighty', LOG_LEVEL: 'chatty', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(stderr).toContain('SENTRA_ERR_CONFIG');
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('LOG_LEVEL');
  });
});
