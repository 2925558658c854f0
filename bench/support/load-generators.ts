import { execFile, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ScoreBodyFactory } from './score-bodies.js';

/** What one phase of load measured. Latencies in ms. */
export interface Phase {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  p999: number;
  max: number;
  errors: number;
  non2xx: number;
  total: number;
}

/** One phase: POST bodies to `url` for `seconds`, as fast as possible or at `rate` requests/s. */
export interface PhaseOptions {
  url: string;
  /** Bearer token, or undefined for an unauthenticated route. */
  token?: string | undefined;
  seconds: number;
  rate?: number;
  /** Prefix of the phase's tx_ids, so phases never re-score each other's transactions. */
  runId: string;
  /** Other request headers (a merchant's X-Api-Key and X-Merchant-Id). */
  headers?: Record<string, string>;
  /** Bodies of the phase; default: seed-003 scoring bodies. */
  bodies?: { next(): string };
}

/** A load generator on this machine. */
export interface LoadGenerator {
  readonly name: string;
  run(options: PhaseOptions): Promise<Phase>;
}

/**
 * autocannon, in this Node process: always available, but at 1,000 req/s it takes most of a core
 * itself, which on a 2-core machine is CPU the server under test does not get.
 */
export function autocannonGenerator(connections: number): LoadGenerator {
  return {
    name: `autocannon (in process, ${connections} connections)`,
    async run({ url, token, seconds, rate, runId, headers, bodies }) {
      const factory = bodies ?? new ScoreBodyFactory(runId);
      const result = await autocannon({
        url,
        method: 'POST',
        connections,
        duration: seconds,
        ...(rate === undefined ? {} : { overallRate: rate }),
        headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...headers },
        requests: [{ setupRequest: (request) => ({ ...request, body: factory.next() }) }],
      });
      return {
        requestsPerSecond: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        p999: result.latency.p99_9,
        max: result.latency.max,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
        total: result.requests.total,
      };
    },
  };
}

/** Whether `wrk` is on the PATH (Debian package `wrk`). */
export function wrkAvailable(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // wrk prints its version and exits 1; only a missing binary is "not available".
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

interface WrkResult {
  requests: number;
  durationUs: number;
  connectErrors: number;
  readErrors: number;
  writeErrors: number;
  timeouts: number;
  non2xx: number;
  p50: number;
  p99: number;
  p999: number;
  max: number;
}

/**
 * wrk (C, one thread) with bench/support/score-load.lua: the same ScoreBodyFactory bodies,
 * written to a file first, paced by the script when a rate is asked. It needs a few percent of a
 * core at 1,000 req/s, so the server gets the machine; `options.nice` runs it under `nice -n`.
 */
export function wrkGenerator(connections: number, workDir: string, options: { nice?: number } = {}): LoadGenerator {
  const script = join(import.meta.dirname, 'score-load.lua');
  // Under `nice`, the generator gives way to the server under test on a busy machine.
  const command = options.nice === undefined ? ['wrk'] : ['nice', '-n', String(options.nice), 'wrk'];
  return {
    name: `wrk (1 thread, ${connections} connections)`,
    async run({ url, token, seconds, rate, runId, headers, bodies }) {
      // Enough distinct bodies for the phase at a generous peak; the script cycles them after that.
      const count = Math.min(200_000, Math.max(10_000, (rate ?? 4_000) * seconds));
      const factory = bodies ?? new ScoreBodyFactory(runId);
      const bodiesFile = join(workDir, `${runId}.jsonl`);
      writeFileSync(bodiesFile, Array.from({ length: count }, () => factory.next()).join('\n') + '\n');
      const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', script, url, '--', bodiesFile, token ?? '-', String(rate ?? 0), Object.entries(headers ?? {}).map(([name, value]) => `${name}:${value}`).join('|')];
      const stdout = await new Promise<string>((resolve, reject) => {
        execFile(command[0]!, [...command.slice(1), ...args], { maxBuffer: 16 * 1024 * 1024 }, (error, out, err) => (error ? reject(new Error(`wrk failed: ${err || error.message}`)) : resolve(out)));
      });
      const line = stdout.split('\n').find((text) => text.startsWith('{"requests"'));
      if (line === undefined) throw new Error(`wrk printed no result:\n${stdout}`);
      const result = JSON.parse(line) as WrkResult;
      return {
        requestsPerSecond: result.requests / (result.durationUs / 1e6),
        p50: result.p50,
        p99: result.p99,
        p999: result.p999,
        max: result.max,
        errors: result.connectErrors + result.readErrors + result.writeErrors + result.timeouts,
        non2xx: result.non2xx,
        total: result.requests,
      };
    },
  };
}
