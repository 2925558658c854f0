import { join } from 'node:path';
import { pino } from 'pino';
import { createLogger, type Logger } from '../../src/platform/logger.js';

let appCounter = 0;

/**
 * The logger of one in-process test app: when the run keeps logs (`SENTRA_TEST_LOG_DIR`, set by the
 * global setup of vitest.config.ts), every app of every test writes its log at trace level to its
 * own file there, and the teardown scans them all for secrets (test/support/log-scan.ts). A test
 * that sets LOG_LEVEL itself keeps its level. Undefined when the run keeps no logs.
 */
export function testAppLogger(level: string | undefined): Logger | undefined {
  const directory = process.env.SENTRA_TEST_LOG_DIR;
  if (directory === undefined || directory === '') return undefined;
  const file = join(directory, `app-${process.pid}-${appCounter++}.log`);
  return createLogger(level === undefined || level === 'silent' ? 'trace' : (level as 'trace'), 'sentra', pino.destination({ dest: file, sync: true }));
}
