import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const ticksPerSecond = 100;

/** CPU seconds used so far, per group of processes, and by the whole machine (Linux /proc). */
export interface CpuSnapshot {
  at: number;
  groups: Map<string, number>;
  machineBusy: number;
}

interface ProcessStat {
  pid: number;
  ppid: number;
  command: string;
  cpuSeconds: number;
}

/** The command (or thread name), parent and user + system CPU seconds of a /proc `stat` text. */
function parseStat(text: string): Omit<ProcessStat, 'pid'> {
  const close = text.lastIndexOf(')');
  // After "pid (comm)": state ppid … utime (14th field) stime (15th field).
  const fields = text.slice(close + 2).split(' ');
  return { command: text.slice(text.indexOf('(') + 1, close), ppid: Number(fields[1]), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond };
}

function processStats(): ProcessStat[] {
  const stats: ProcessStat[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      stats.push({ pid: Number(entry), ...parseStat(readFileSync(`/proc/${entry}/stat`, 'utf8')) });
    } catch {
      // ended meanwhile
    }
  }
  return stats;
}

/** The whole machine's busy CPU seconds (everything but idle and iowait) from /proc/stat. */
function machineBusy(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
  return (total - fields[3]! - fields[4]!) / ticksPerSecond;
}

/**
 * CPU seconds of the server under test (the process started, and the workers it forked when it is a
 * `--workers` primary), of this benchmark (autocannon runs in it), wrk, the PostgreSQL and Redis
 * processes on this machine, and of the machine as a whole.
 */
export function cpuSnapshot(serverPid: number): CpuSnapshot {
  const groups = new Map<string, number>();
  const add = (group: string, seconds: number) => groups.set(group, (groups.get(group) ?? 0) + seconds);
  for (const stat of processStats()) {
    if (stat.pid === serverPid) add('server', stat.cpuSeconds);
    else if (stat.ppid === serverPid) add('its workers', stat.cpuSeconds);
    else if (stat.pid === process.pid) add('this benchmark', stat.cpuSeconds);
    else if (stat.command === 'postgres') add('postgres', stat.cpuSeconds);
    else if (stat.command.startsWith('redis-server')) add('redis', stat.cpuSeconds);
    else if (stat.command === 'wrk') add('wrk', stat.cpuSeconds);
  }
  return { at: performance.now(), groups, machineBusy: machineBusy() };
}

/** Cores each group used between two snapshots, e.g. `its workers 1.62, postgres 0.41, …, machine 1.97`. */
export function coresUsed(before: CpuSnapshot, after: CpuSnapshot): string {
  const seconds = (after.at - before.at) / 1000;
  const parts = [...after.groups].map(([group, cpu]) => `${group} ${((cpu - (before.groups.get(group) ?? 0)) / seconds).toFixed(2)}`);
  parts.push(`machine ${((after.machineBusy - before.machineBusy) / seconds).toFixed(2)}`);
  return parts.join(', ');
}

/** User + system CPU seconds of a process, all threads (/proc/PID/stat fields 14 and 15). */
export function cpuSeconds(pid: number): number {
  return parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8')).cpuSeconds;
}

/**
 * CPU seconds of a process by thread kind: the HTTP (main) thread, the worker threads (in embedded
 * mode the database's PGlite worker), and the rest (V8's GC and compiler helpers, libuv's pool).
 */
export function cpuByThread(pid: number): { http: number; workers: number; rest: number } {
  const split = { http: 0, workers: 0, rest: 0 };
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended
    }
    const { command: name, cpuSeconds: seconds } = parseStat(stat);
    if (Number(tid) === pid) split.http += seconds;
    else if (name === 'WorkerThread') split.workers += seconds;
    else split.rest += seconds;
  }
  return split;
}
