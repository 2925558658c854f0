import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { scanLogs } from './support/log-scan.js';

/** The scanner that fails a test run whose logs hold a secret finds each kind, and nothing in clean lines. */
describe('the whole-run log scan', () => {
  it('finds every kind of secret and passes clean lines', () => {
    const directory = mkdtempSync(join(tmpdir(), 'sentra-log-scan-test-'));
    try {
      const planted = [
        `{"msg":"x","token":"sentra_${'a'.repeat(43)}"}`,
        `{"msg":"key smk_${'B'.repeat(43)}"}`,
        `{"msg":"secret whsec_${'c'.repeat(43)}"}`,
        '{"msg":"auth test-admin-token-0123456789abcdef"}',
        '{"msg":"client 198.51.100.23 refused"}',
        '{"msg":"mail olga.petrenko@example.net"}',
        '{"msg":"PASSPORT\\nFull name: Olga Petrenko"}',
        '{"msg":"client 2001:db8:85a3::8a2e:370:7334 refused"}',
        '{"remote":"fe80::1ff:fe23:4567:890a"}',
        '{"ip":"2001:0db8:0000:0000:0000:ff00:0042:8329"}',
      ];
      const clean = [
        '{"msg":"listening on http://127.0.0.1:18080","version":"0.5.16"}',
        '{"msg":"bound 0.0.0.0","ms":12.5,"at":"2026-12-03T10:00:00.000Z"}',
        '{"msg":"listening on http://[::1]:18080","at":"10:00:00","ratio":"1:2:3:4"}',
      ];
      writeFileSync(join(directory, 'app-1.log'), [...planted, ...clean].join('\n') + '\n');
      const { files, lines, findings } = scanLogs(directory);
      expect(files).toBe(1);
      expect(lines).toBe(13);
      expect(findings.map((finding) => [finding.line, finding.secret])).toEqual([
        [1, 'bearer token'],
        [2, 'merchant API key'],
        [3, 'webhook signing secret'],
        [4, 'test token'],
        [5, 'raw IPv4 address'],
        [6, 'email'],
        [7, 'document text'],
        [8, 'raw IPv6 address'],
        [9, 'raw IPv6 address'],
        [10, 'raw IPv6 address'],
      ]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('fails the test run with exit code 1 when a log holds a secret, and passes it when none does', async () => {
    const root = join(import.meta.dirname, '..');
    const run = async (line: string) => {
      const env: NodeJS.ProcessEnv = { ...process.env, LOG_SCAN_PLANT: line };
      delete env.SENTRA_TEST_LOG_DIR;
      try {
        const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'test/fixtures/log-scan/vitest.config.ts'], { cwd: root, env });
        return { code: 0, output: stdout };
      } catch (error) {
        const failed = error as { code: number; stdout: string; stderr: string };
        return { code: failed.code, output: `${failed.stdout}${failed.stderr}` };
      }
    };
    const leaking = await run('{"msg":"mail olga.petrenko@example.net"}');
    expect(leaking.output).toContain('1 passed');
    expect(leaking.output).toContain('1 secrets found');
    expect(leaking.code, leaking.output).toBe(1);
    const clean = await run('{"msg":"listening on http://127.0.0.1:18080"}');
    expect(clean.output).toContain('0 secrets found');
    expect(clean.code, clean.output).toBe(0);
  }, 120_000);
});
