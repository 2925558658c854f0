import { Gauge, type Registry } from 'prom-client';
import type { MemoryStoreStats } from '../features/profile/memory/memory-profile-store.js';

/**
 * The in-memory profile store's size, read at scrape time: live entities per role
 * (`sentra_profile_entities{role}`; idle ones are swept) and the bytes its arrays hold
 * (`sentra_profile_bytes`: records, free ones included, and the bucket entries of rings that outgrew
 * their record). What an embedded server's memory grows with; with Redis, its own INFO says it.
 */
export function registerProfileMetrics(registry: Registry, stats: () => MemoryStoreStats): void {
  new Gauge({
    name: 'sentra_profile_entities',
    help: 'Entities the in-memory profile store holds, by role (sender, receiver, device, ip, session)',
    labelNames: ['role'],
    registers: [registry],
    collect() {
      for (const [role, count] of Object.entries(stats().entities)) this.set({ role }, count);
    },
  });
  new Gauge({
    name: 'sentra_profile_bytes',
    help: "Bytes the in-memory profile store's arrays hold: entity records (free ones included) and the bucket entries of busy receivers",
    registers: [registry],
    collect() {
      this.set(stats().allocatedBytes);
    },
  });
}
