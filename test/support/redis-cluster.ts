import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const script = join(import.meta.dirname, '..', '..', 'scripts', 'redis-cluster.sh');

/** A loopback Redis Cluster of this test alone (3 masters, 3 replicas), from scripts/redis-cluster.sh. */
export interface LocalRedisCluster {
  /** `REDIS_CLUSTER_NODES` of it. */
  readonly nodes: string;
  readonly ports: readonly number[];
  /** Runs redis-cli against one node; returns its output. */
  cli(port: number, ...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

export async function startRedisCluster(): Promise<LocalRedisCluster> {
  const parent = mkdtempSync(join(tmpdir(), 'sentra-cluster-'));
  const dir = join(parent, 'nodes');
  const { stdout } = await run(script, ['start', dir]);
  const nodes = /REDIS_CLUSTER_NODES=(\S+)/.exec(stdout)![1]!;
  return {
    nodes,
    ports: nodes.split(',').map((node) => Number(node.split(':')[1])),
    cli: async (port, ...args) => (await run('redis-cli', ['-p', String(port), ...args])).stdout,
    stop: async () => {
      await run(script, ['stop', dir]);
      rmSync(parent, { recursive: true, force: true });
    },
  };
}
