import { relative } from 'node:path';
import type { Reporter, TestModule, TestSpecification } from 'vitest/node';

/**
 * Names the test files that never finished. When a test worker process dies (Vitest reports only
 * "Worker exited unexpectedly"), the file it was running is neither passed nor failed, and the
 * default reporter does not say which one it was; this reporter prints it at the end of the run.
 */
export default class UnfinishedFilesReporter implements Reporter {
  private readonly planned = new Set<string>();
  private readonly finished = new Set<string>();

  onTestRunStart(specifications: ReadonlyArray<TestSpecification>): void {
    for (const specification of specifications) this.planned.add(specification.moduleId);
  }

  onTestModuleEnd(testModule: TestModule): void {
    this.finished.add(testModule.moduleId);
  }

  onTestRunEnd(): void {
    const unfinished = [...this.planned].filter((moduleId) => !this.finished.has(moduleId));
    if (unfinished.length === 0) return;
    console.error(`\nTest files that did not finish (their worker stopped, or the run was cut short):`);
    for (const moduleId of unfinished.sort()) console.error(`  ${relative(process.cwd(), moduleId)}`);
  }
}
