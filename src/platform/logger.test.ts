import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

describe('createLogger', () => {
  it('redacts authorization headers, API keys, tokens, secrets and passwords wherever an object carries them', () => {
    const lines: string[] = [];
    const logger = createLogger('info', 'test', { write: (line: string) => lines.push(line) });
    const secrets = ['Bearer sentra_abcdef0123456789', 'key_live_0123456789', 'tok-0123456789', 'whsec_0123456789', 'hunter2-0123456789'];
    logger.info({ req: { headers: { authorization: secrets[0], 'x-api-key': secrets[1] } } }, 'request');
    logger.info({ token: secrets[2], config: { bootstrapToken: secrets[2] }, webhook: { secret: secrets[3] }, db: { password: secrets[4] } }, 'objects');
    logger.error({ err: Object.assign(new Error('boom'), { headers: { authorization: secrets[0] } }) }, 'error with headers');
    logger.info({ headers: { 'x-api-key': secrets[1] }, apiKey: secrets[1], api_key: secrets[1] }, 'keys');
    const output = lines.join('');
    for (const secret of secrets) expect(output).not.toContain(secret);
    expect(output).toContain('[redacted]');
    expect(lines).toHaveLength(4);
  });
});
