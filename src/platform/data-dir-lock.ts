import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { SentraError } from '../errors/errors.js';

/** The file that says which process has the embedded database open. */
export const lockFileName = 'sentra.lock';

/** What the lock file records about its holder. */
interface LockHolder {
  pid: number;
  host: string;
  command: string;
  started_at: string;
}

/** An exclusive hold on a data folder; released when the database closes. */
export interface DataDirLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    return typeof holder.pid === 'number' ? (holder as LockHolder) : undefined;
  } catch {
    return undefined;
  }
}

/** The holder still runs: a process on this host with that pid, other than this one (a container restart reuses pids). */
function holderRuns(holder: LockHolder | undefined): holder is LockHolder {
  return holder !== undefined && holder.host === hostname() && holder.pid !== process.pid && isAlive(holder.pid);
}

/**
 * Takes the data folder for this process alone. Two processes on one embedded database would each
 * keep their own view of it and overwrite each other's changes, so a second opener (a CLI command
 * beside a running server) is refused with SENTRA_ERR_DATA_DIR_LOCKED, naming the holder. A lock
 * left by a process that no longer runs (killed, crashed) is taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const path = join(dataDir, lockFileName);
  const self: LockHolder = {
    pid: process.pid,
    host: hostname(),
    command: process.argv.slice(1).join(' ').slice(0, 300),
    started_at: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const descriptor = openSync(path, 'wx', 0o600);
      try {
        writeSync(descriptor, JSON.stringify(self));
      } finally {
        closeSync(descriptor);
      }
      return {
        release() {
          if (readHolder(path)?.pid === self.pid) unlinkSync(path);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(path);
    if (holderRuns(holder)) {
      throw new SentraError(
        'SENTRA_ERR_DATA_DIR_LOCKED',
        `The data folder ${dataDir} is in use by process ${holder.pid} (${holder.command}, running since ${holder.started_at}). ` +
          'The embedded database can be open in one process only: stop that process first, or make the change through its HTTP API.',
      );
    }
    // Left behind by a process that is gone: take it over.
    try {
      unlinkSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new SentraError('SENTRA_ERR_DATA_DIR_LOCKED', `The data folder ${dataDir} could not be locked: another process keeps taking it.`);
}
