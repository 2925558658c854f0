/* Where Redis is, as configured; the client itself (ioredis) is in redis-client.ts. */

/** A Redis Cluster to connect to (`REDIS_CLUSTER_NODES`): seed nodes, and the credentials every node shares. */
export interface RedisClusterTarget {
  readonly nodes: readonly { readonly host: string; readonly port: number }[];
  readonly username?: string;
  readonly password?: string;
  readonly tls: boolean;
}

/** One Redis primary (`REDIS_URL`) or a Redis Cluster. */
export type RedisTarget = string | RedisClusterTarget;

/**
 * Parses `REDIS_CLUSTER_NODES`: comma-separated `host:port` seeds, or `redis://`/`rediss://` URLs
 * (credentials and TLS are read from the first one that has them). Returns the problem as a string.
 */
export function parseClusterNodes(raw: string): RedisClusterTarget | string {
  const nodes: { host: string; port: number }[] = [];
  let username: string | undefined;
  let password: string | undefined;
  let tls = false;
  for (const entry of raw.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    let url: URL;
    try {
      url = new URL(entry.includes('://') ? entry : `redis://${entry}`);
    } catch {
      return `"${entry}" is not host:port`;
    }
    if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') return `"${entry}" must be host:port or a redis:// or rediss:// URL`;
    const port = Number(url.port || 6379);
    if (url.hostname === '' || !Number.isInteger(port)) return `"${entry}" is not host:port`;
    nodes.push({ host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port });
    if (url.protocol === 'rediss:') tls = true;
    if (url.password !== '' && password === undefined) {
      password = decodeURIComponent(url.password);
      if (url.username !== '') username = decodeURIComponent(url.username);
    }
  }
  if (nodes.length === 0) return 'no node given';
  return { nodes, tls, ...(username === undefined ? {} : { username }), ...(password === undefined ? {} : { password }) };
}
