import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/**
 * Where secrets could sit in a logged object. A safety net, not the rule: code never logs a
 * credential on purpose, but an error carrying request headers or a config object must not leak
 * one either.
 */
export const redactedPaths: readonly string[] = [
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.headers.cookie',
  '*["x-api-key"]',
  '*.headers["x-api-key"]',
  'token',
  '*.token',
  'bootstrapToken',
  '*.bootstrapToken',
  'apiKey',
  '*.apiKey',
  'api_key',
  '*.api_key',
  'secret',
  '*.secret',
  'password',
  '*.password',
  '*.credentials',
  'credentials',
];

/** Builds the process logger: JSON lines on stdout (or the destination), level from configuration, secrets redacted. */
export function createLogger(level: LevelWithSilent, name = 'sentra', destination?: DestinationStream): Logger {
  const options = { name, level, base: { service: name }, redact: { paths: [...redactedPaths], censor: '[redacted]' } };
  return destination === undefined ? pino(options) : pino(options, destination);
}
