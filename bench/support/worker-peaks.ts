import type { LoadGenerator, Phase } from './load-generators.js';
import { coresUsed, cpuSnapshot } from './process-cpu.js';
import { startServer } from './processes.js';

/** One `sentra serve --workers N` peak. */
export interface WorkerPeak {
  workers: number;
  /** From spawn until every worker listens. */
  readyMs: number;
  peak: Phase;
  /** Cores per process group over the middle of the peak phase. */
  cpu: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `BENCH_WORKERS=1,2,4` → [1, 2, 4]; undefined when unset. */
export function workerCounts(value: string | undefined): number[] | undefined {
  if (value === undefined || value === '') return undefined;
  const counts = value.split(',').map((part) => Number(part.trim()));
  if (counts.some((count) => !Number.isInteger(count) || count < 1)) throw new Error(`BENCH_WORKERS must list whole numbers, e.g. 1,2,4 (got ${value})`);
  if (counts.some((count) => count > 1) && (process.env.DATABASE_URL === undefined || process.env.REDIS_URL === undefined)) {
    throw new Error('BENCH_WORKERS with more than one worker needs DATABASE_URL and REDIS_URL (sentra serve refuses --workers on the embedded store)');
  }
  return counts;
}

/**
 * For each worker count: starts `sentra serve --workers N`, waits until every worker listens, warms
 * it, then measures its peak while sampling the CPU of the server's processes, PostgreSQL, Redis and
 * the load generator over the middle of the phase (where the CPU goes once it stops scaling).
 */
export async function measureWorkerPeaks(options: {
  counts: readonly number[];
  generator: LoadGenerator;
  env: Record<string, string>;
  port: number;
  token: string;
  warmSeconds: number;
  peakSeconds: number;
}): Promise<WorkerPeak[]> {
  const results: WorkerPeak[] = [];
  for (const workers of options.counts) {
    const started = performance.now();
    const server = await startServer(['dist/cli/main.js', 'serve', '--workers', String(workers)], options.env, options.port, '/readyz', 120_000, 'info');
    const deadline = Date.now() + 120_000;
    while (workers > 1 && (server.output().match(/"msg":"worker listening"/g)?.length ?? 0) < workers) {
      if (Date.now() > deadline) throw new Error(`${workers} workers not listening within 120 s`);
      await sleep(50);
    }
    const readyMs = performance.now() - started;
    const url = `${server.url}/v1/risk/score`;
    const runId = `workers-${workers}-${Date.now()}`;
    await options.generator.run({ url, token: options.token, seconds: options.warmSeconds, runId: `${runId}-warm` });
    const margin = Math.min(1_000, options.peakSeconds * 250);
    const sampling = (async () => {
      await sleep(margin);
      const before = cpuSnapshot(server.child.pid!);
      await sleep(options.peakSeconds * 1000 - 2 * margin);
      return coresUsed(before, cpuSnapshot(server.child.pid!));
    })();
    const peak = await options.generator.run({ url, token: options.token, seconds: options.peakSeconds, runId: `${runId}-peak` });
    results.push({ workers, readyMs, peak, cpu: await sampling });
    await server.stop();
  }
  return results;
}
