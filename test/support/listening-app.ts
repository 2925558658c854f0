import type { AddressInfo } from 'node:net';
import type { TestApp } from './test-app.js';

/** Puts a test app on a real loopback socket (for a browser); returns its base URL. */
export async function listenOnLoopback(sentra: TestApp): Promise<string> {
  await sentra.app.listen({ host: '127.0.0.1', port: 0 });
  const address = sentra.app.server.address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}
