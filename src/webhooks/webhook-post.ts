import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { assertPublicLiteral, publicOnlyLookup } from './webhook-target.js';

/**
 * POSTs a delivery's body and answers the endpoint's HTTP status; the answer's body is not read.
 * Redirects are not followed (a 3xx is the status). Unless private targets are allowed, the host
 * must be, or resolve only to, public addresses, checked on the very addresses the connection uses
 * (webhook-target.ts); a refused host fails before anything is sent.
 */
export function postDelivery(target: string, body: string, headers: Record<string, string>, signal: AbortSignal, allowPrivate: boolean): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const url = new URL(target);
    if (!allowPrivate) assertPublicLiteral(url);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = send(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      signal,
      ...(allowPrivate ? {} : { lookup: publicOnlyLookup }),
    });
    outgoing.on('response', (response) => {
      resolve(response.statusCode ?? 0);
      response.resume();
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
