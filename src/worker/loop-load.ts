import { performance } from 'node:perf_hooks';

/** Shortest window a utilization figure is measured over. */
const windowMs = 250;

/**
 * How busy this process's event loop was lately: the share of time it spent running code rather
 * than waiting (event-loop utilization, 0 to 1), over the last window of at least 250 ms.
 */
export class LoopLoad {
  private mark = performance.eventLoopUtilization();
  private markedAt = performance.now();
  private last = 0;

  utilization(): number {
    const now = performance.now();
    if (now - this.markedAt >= windowMs) {
      const current = performance.eventLoopUtilization();
      this.last = performance.eventLoopUtilization(current, this.mark).utilization;
      this.mark = current;
      this.markedAt = now;
    }
    return this.last;
  }
}
