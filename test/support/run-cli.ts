import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The repository root (the CLI runs from here). */
export const repository = join(import.meta.dirname, '../..');

/** What a CLI run printed and how it ended. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts the built CLI (`node dist/cli/main.js …`, as `npx sentra` runs it; `npm test` builds first,
 * like the servers of serve-process.ts) with extra environment. Run through tsx from the sources,
 * each call spent 0.6-1.1 s more compiling them.
 */
export function spawnCli(args: readonly string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['dist/cli/main.js', ...args], { cwd: repository, env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
}

/** Runs the CLI to completion, as a user would. */
export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
