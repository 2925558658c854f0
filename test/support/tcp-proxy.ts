import net from 'node:net';

/** A loopback TCP proxy a test can cut, to make a real server unreachable without stopping it. */
export interface TcpProxy {
  readonly port: number;
  /** Refuse new connections and drop open ones (the server looks down). */
  refuse(): Promise<void>;
  /** Accept connections but never forward a byte (the server looks hung). */
  blackhole(): void;
  /** Forward again, on the same port (the server is back). */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a proxy from a free loopback port to host:port. */
export async function startTcpProxy(host: string, port: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let mode: 'forward' | 'blackhole' = 'forward';
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (mode === 'blackhole') return;
    const upstream = net.connect(port, host);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };
  return {
    port: address.port,
    async refuse() {
      dropAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    blackhole() {
      mode = 'blackhole';
      dropAll();
    },
    async restore() {
      mode = 'forward';
      if (!server.listening) await new Promise<void>((resolve) => server.listen(address.port, '127.0.0.1', resolve));
    },
    async close() {
      dropAll();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
