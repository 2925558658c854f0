import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What must never appear in a log, whatever test wrote it: bearer tokens and merchant keys in
 * Sentra's own formats, webhook signing secrets, the tokens the tests mint, raw IPv4 addresses other
 * than loopback and the unspecified address, raw IPv6 addresses other than loopback, emails, and the lines that mark document text in the
 * test fixtures (a document's "Full name:" or "Passport number:" field).
 */
export const secretPatterns: readonly { name: string; pattern: RegExp }[] = [
  { name: 'bearer token', pattern: /sentra_[A-Za-z0-9_-]{43}/ },
  { name: 'merchant API key', pattern: /smk_[A-Za-z0-9_-]{43}/ },
  { name: 'webhook signing secret', pattern: /whsec_[A-Za-z0-9_-]{43}/ },
  { name: 'test token', pattern: /test-[a-z0-9-]*token[a-z0-9-]*/ },
  { name: 'raw IPv4 address', pattern: /(?<![\d.])(?!127\.0\.0\.1(?![\d.]))(?!0\.0\.0\.0(?![\d.]))(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/ },
  {
    name: 'raw IPv6 address',
    // Eight groups, or a compressed form (`::`) with a group on at least one side; `::1` (loopback)
    // and clock times (no `::`, fewer than eight groups) are not addresses.
    pattern: /(?<![\w:.])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){1,6}(?::[0-9A-Fa-f]{1,4}){1,6}|(?:[0-9A-Fa-f]{1,4}:){1,7}:)(?![\w:.])/,
  },
  { name: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/ },
  { name: 'document text', pattern: /Full name:|Passport number:/ },
];

/** One finding: the file, line number and which secret, with the line cut short. */
export interface LogFinding {
  readonly file: string;
  readonly line: number;
  readonly secret: string;
  readonly text: string;
}

/** Scans every log file of a folder. */
export function scanLogs(directory: string): { files: number; lines: number; findings: LogFinding[] } {
  const findings: LogFinding[] = [];
  let files = 0;
  let lines = 0;
  for (const name of readdirSync(directory)) {
    files += 1;
    const text = readFileSync(join(directory, name), 'utf8').split('\n');
    text.forEach((line, index) => {
      if (line === '') return;
      lines += 1;
      for (const { name: secret, pattern } of secretPatterns) {
        if (pattern.test(line)) findings.push({ file: name, line: index + 1, secret, text: line.slice(0, 300) });
      }
    });
  }
  return { files, lines, findings };
}

/**
 * vitest global setup: every in-process test app of the run logs at trace level to its own file in
 * one folder (test/support/test-log.ts); after the last test the folder is scanned, and a secret
 * in any line fails the run (exit code 1) with where it was. SENTRA_TEST_LOG_DIR=off turns it off.
 */
export default function setup(): () => void {
  if (process.env.SENTRA_TEST_LOG_DIR === 'off') {
    process.env.SENTRA_TEST_LOG_DIR = '';
    return () => undefined;
  }
  const directory = mkdtempSync(join(tmpdir(), 'sentra-test-logs-'));
  process.env.SENTRA_TEST_LOG_DIR = directory;
  return () => {
    const { files, lines, findings } = scanLogs(directory);
    rmSync(directory, { recursive: true, force: true });
    console.log(`log scan: ${lines} lines in ${files} test app logs, ${findings.length} secrets found`);
    if (findings.length > 0) {
      // vitest reports an error thrown by a global teardown ("error during close") but exits 0 for
      // it: the exit code must be set here, or a secret in the logs would pass CI.
      process.exitCode = 1;
      throw new Error(`secrets in the test run's logs:\n${findings.slice(0, 20).map((finding) => `${finding.file}:${finding.line} ${finding.secret}: ${finding.text}`).join('\n')}`);
    }
  };
}
