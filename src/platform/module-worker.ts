import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on a module that sits next to the caller: the compiled `.js` file in
 * dist/, or, when the caller runs from TypeScript source (tests, tsx), a tiny bootstrap that
 * registers tsx's loader in the worker and then imports the `.ts` file (on Node 20, `--import tsx`
 * in a worker's execArgv does not apply to the worker's own entry module).
 *
 * @param callerUrl `import.meta.url` of the module starting the worker
 * @param moduleName the worker module's file name without extension, e.g. `./pglite-worker`
 */
export function startModuleWorker(callerUrl: string, moduleName: string, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`${moduleName}.js`, callerUrl), options);
  const loader = pathToFileURL(createRequire(callerUrl).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL(`${moduleName}.ts`, callerUrl).href;
  return new Worker(`import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`, {
    ...options,
    eval: true,
  });
}
