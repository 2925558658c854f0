import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { Agent, request } from 'node:http';

/**
 * Which of `pids` holds the server end of the loopback TCP connection from `clientPort` to
 * `serverPort` (Linux: the socket's inode in /proc/net/tcp, then the process's open descriptors).
 */
export function socketOwner(serverPort: number, clientPort: number, pids: readonly number[]): number | undefined {
  const inodes = new Set<string>();
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 10) continue;
    const localPort = Number.parseInt(fields[1]!.split(':')[1]!, 16);
    const remotePort = Number.parseInt(fields[2]!.split(':')[1]!, 16);
    if (localPort === serverPort && remotePort === clientPort) inodes.add(fields[9]!);
  }
  for (const pid of pids) {
    let descriptors: string[];
    try {
      descriptors = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const descriptor of descriptors) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${descriptor}`);
        if (inodes.has(/^socket:\[(\d+)\]$/.exec(target)?.[1] ?? '')) return pid;
      } catch {
        // closed meanwhile
      }
    }
  }
  return undefined;
}

/** An HTTP answer, with the client port of the connection that carried it. */
export interface PinnedAnswer {
  status: number;
  body: string;
  clientPort: number;
}

/** One keep-alive connection to 127.0.0.1:port: every request goes over the same socket, so to the same server process. */
export class PinnedConnection {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(private readonly port: number) {}

  send(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<PinnedAnswer> {
    return new Promise((resolve, reject) => {
      const outgoing = request({ host: '127.0.0.1', port: this.port, method, path, headers, agent: this.agent }, (response) => {
        const clientPort = response.socket.localPort ?? 0;
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text, clientPort }));
        response.on('error', reject);
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
