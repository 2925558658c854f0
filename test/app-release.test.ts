import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { startTestApp, storeKinds } from './support/test-app.js';

// A full garbage collection on demand, without starting the test process with --expose-gc.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Builds an app, scrapes its metrics, closes it, and answers only weak references to what it held. */
async function buildAndClose(store: 'pglite' | 'postgres'): Promise<{ database: WeakRef<object>; registry: WeakRef<object> }> {
  const sentra = await startTestApp(store);
  expect((await sentra.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
  const references = { database: new WeakRef(sentra.runtime.database.db), registry: new WeakRef(sentra.runtime.metrics.registry) };
  await sentra.close();
  return references;
}

/** Collects until `reference` is gone or the attempts run out (a WeakRef holds its target until the current job ends). */
async function released(reference: WeakRef<object>): Promise<boolean> {
  for (let attempt = 0; attempt < 10 && reference.deref() !== undefined; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    collectGarbage();
  }
  return reference.deref() === undefined;
}

describe.each(storeKinds)('an app that is closed, on %s', (store) => {
  it('leaves nothing reachable: its database and its metrics registry are collected', async () => {
    const first = await buildAndClose(store);
    const second = await buildAndClose(store);
    expect(await released(first.registry), 'the first app registry').toBe(true);
    expect(await released(first.database), 'the first app database').toBe(true);
    expect(await released(second.registry), 'the second app registry').toBe(true);
    expect(await released(second.database), 'the second app database').toBe(true);
  });

  it("serves the process's own metrics beside its own from every app of the process", async () => {
    for (let round = 0; round < 2; round++) {
      const sentra = await startTestApp(store);
      try {
        const metrics = await sentra.app.inject({ method: 'GET', url: '/metrics' });
        expect(metrics.statusCode).toBe(200);
        expect(metrics.headers['content-type']).toContain('text/plain');
        for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_p99_seconds', 'nodejs_gc_duration_seconds', 'sentra_decision_write_backlog']) {
          expect(metrics.body, `round ${round}: ${name}`).toMatch(new RegExp(`^# TYPE ${name} `, 'm'));
        }
        // Each metric once: the process's and the app's registries hold different names.
        const types = metrics.body.match(/^# TYPE \S+/gm) ?? [];
        expect(new Set(types).size).toBe(types.length);
      } finally {
        await sentra.close();
      }
    }
  });
});
