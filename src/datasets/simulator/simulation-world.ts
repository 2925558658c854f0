import { AccountEvents } from './account-events.js';
import { AccountTakeoverScenario } from './account-takeover.js';
import { CardGenerator } from './card-generator.js';
import { CardTestingScenario } from './card-testing.js';
import { DatacenterFraudScenario } from './datacenter-fraud.js';
import { DeviceSharingRingScenario } from './device-sharing-ring.js';
import { EntityRegistry } from './entity-registry.js';
import { OnlineUsers } from './online-users.js';
import { createOnlineMerchants, type OnlineWorld } from './online-world.js';
import { attachTerminals, generateCustomers, generateTerminals } from './plane.js';
import { SeededRandom } from './seeded-random.js';
import { onlineScenarioNames, type ResolvedSimulationOptions } from './simulation-options.js';
import type { SimulatedTransaction } from './simulated-transaction.js';

const dayMs = 86_400_000;

/** Something that adds the transactions of one day. */
export interface DayGenerator {
  generateDay(day: number, emit: (transaction: SimulatedTransaction) => void): void;
}

/** Independent PRNG streams, one per concern, so enabling a scenario never shifts another's draws. */
const streams = { profiles: 0, cards: 1, cardFraud: 2, online: 3, takeover: 4, ring: 5, datacenter: 6, velocity: 7, accounts: 9 } as const;

/** The populations and the day generators of one simulation, in the order they run each day. */
export interface SimulationWorld {
  entities: EntityRegistry;
  generators: DayGenerator[];
}

/**
 * Builds customers, terminals (and, with online scenarios, merchants and online users), registers
 * them as entities, and lines up the generators: the handbook card payments first, then the
 * legitimate online payments, then each enabled online fraud scenario, then the ordinary account
 * events (the sessions' signups and logins come with the payments they start).
 */
export function buildSimulationWorld(options: ResolvedSimulationOptions): SimulationWorld {
  const seed = options.seed;
  const profiles = new SeededRandom(seed, streams.profiles);
  const customers = generateCustomers(profiles, options.customers, options.spending);
  const terminals = generateTerminals(profiles, options.terminals);
  attachTerminals(customers, terminals);
  const entities = new EntityRegistry();
  for (const customer of customers) {
    const createdAt = options.startMs - profiles.integerBetween(30, 3000) * dayMs;
    entities.add({ entityId: customer.id, entityType: 'individual', country: customer.country, createdAt, name: `Card holder ${customer.index + 1}` });
  }
  for (const terminal of terminals) {
    const createdAt = options.startMs - profiles.integerBetween(30, 3000) * dayMs;
    entities.add({ entityId: terminal.id, entityType: 'merchant', country: terminal.country, createdAt, name: `Terminal ${terminal.index + 1}` });
  }
  const cardFraud = options.scenarios.includes('card');
  const generators: DayGenerator[] = [
    new CardGenerator(
      customers,
      terminals,
      options.startMs,
      cardFraud,
      new SeededRandom(seed, streams.cards),
      new SeededRandom(seed, streams.cardFraud),
      options.spending === 'handbook',
    ),
  ];
  if (options.scenarios.some((name) => onlineScenarioNames.includes(name))) {
    const online = new SeededRandom(seed, streams.online);
    const world: OnlineWorld = {
      customers,
      rateScale: customers.length / 5000,
      merchants: createOnlineMerchants(online, entities, options.startMs),
      startMs: options.startMs,
      endMs: options.startMs + options.days * dayMs,
      entities,
    };
    const users = new OnlineUsers(world, online);
    const accountEvents = options.scenarios.includes('accounts') ? new AccountEvents(world, users.users, new SeededRandom(seed, streams.accounts)) : undefined;
    if (accountEvents !== undefined) users.startSessionsWith(accountEvents);
    generators.push(users);
    if (options.scenarios.includes('ato')) generators.push(new AccountTakeoverScenario(world, users.users, new SeededRandom(seed, streams.takeover), accountEvents));
    if (options.scenarios.includes('device-sharing')) generators.push(new DeviceSharingRingScenario(world, new SeededRandom(seed, streams.ring)));
    if (options.scenarios.includes('datacenter')) generators.push(new DatacenterFraudScenario(world, new SeededRandom(seed, streams.datacenter)));
    if (options.scenarios.includes('velocity')) generators.push(new CardTestingScenario(world, new SeededRandom(seed, streams.velocity)));
    if (accountEvents !== undefined) generators.push(accountEvents);
  }
  return { entities, generators };
}
