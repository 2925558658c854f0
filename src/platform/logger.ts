import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/** Builds the process logger: JSON lines on stdout, level from configuration. */
export function createLogger(level: LevelWithSilent, name = 'sentra'): Logger {
  return pino({ name, level, base: { service: name } });
}
