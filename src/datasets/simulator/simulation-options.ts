import { ValidationError, type ProblemDetail } from '../../errors/errors.js';
import type { TransactionsFormat } from '../dataset-files.js';
import { parseTimestamp } from '../field-values.js';

/**
 * Scenario families of the simulator. `card` is the handbook's fraud set (large amounts,
 * compromised terminals, compromised cards); the others add online payments with device and
 * session signals and their fraud patterns; `accounts` adds the online users' account events
 * (signups, logins, password resets, account updates) and the takeover's own login, reset and update.
 */
export const scenarioNames = ['card', 'ato', 'device-sharing', 'datacenter', 'velocity', 'accounts'] as const;
/** One scenario family. */
export type ScenarioName = (typeof scenarioNames)[number];

/** The scenarios that need the online population (users with devices, IPs and sessions). */
export const onlineScenarioNames: readonly ScenarioName[] = ['ato', 'device-sharing', 'datacenter', 'velocity', 'accounts'];

/**
 * How much customers spend. `handbook`: each customer's mean amount uniform in 5-100 USD, and every
 * card payment above 220 USD is fraud (the handbook's scenario 1), as the quality protocol needs.
 * `broad`: mean amounts log-uniform in 5-800 USD and no amount rule, so large payments are ordinary
 * for big spenders; the default model is trained on it so that it does not learn "over 220 USD is
 * fraud", which no real payment feed obeys.
 */
export const spendingKinds = ['handbook', 'broad'] as const;
/** One spending model. */
export type SpendingKind = (typeof spendingKinds)[number];

/** What to simulate; every field has a default (see {@link simulationDefaults}). */
export interface SimulationOptions {
  /** PRNG seed; the same seed and options give byte-identical files. */
  seed?: number;
  /** Number of customers (card holders) on the 100×100 plane. */
  customers?: number;
  /** Number of terminals on the plane. */
  terminals?: number;
  /** First simulated day, `YYYY-MM-DD` (UTC). */
  start?: string;
  /** Number of simulated days. */
  days?: number;
  /** Days between a fraudulent transaction and its label becoming known. */
  labelDelayDays?: number;
  /** Scenario families to include; `['card']` gives the pure handbook data. */
  scenarios?: readonly ScenarioName[];
  /** Format of the transactions file. */
  format?: TransactionsFormat;
  /** How much customers spend (see {@link spendingKinds}). */
  spending?: SpendingKind;
}

/** Options with every default applied and checked. */
export type ResolvedSimulationOptions = Required<SimulationOptions> & { startMs: number };

/** The handbook's configuration: 5,000 customers, 10,000 terminals, 183 days from 2018-04-01. */
export const simulationDefaults: Required<SimulationOptions> = {
  seed: 1,
  customers: 5000,
  terminals: 10_000,
  start: '2018-04-01',
  days: 183,
  labelDelayDays: 7,
  scenarios: scenarioNames,
  format: 'csv',
  spending: 'handbook',
};

/** Applies defaults and checks ranges; throws ValidationError listing every bad option. */
export function resolveSimulationOptions(options: SimulationOptions): ResolvedSimulationOptions {
  const resolved = { ...simulationDefaults, ...withoutUndefined(options) };
  const problems: ProblemDetail[] = [];
  const integerIn = (name: keyof SimulationOptions, value: number, min: number, max: number): void => {
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      problems.push({ code: 'range', path: name, message: `${name} must be an integer from ${min} to ${max}, got ${value}` });
    }
  };
  integerIn('seed', resolved.seed, 0, Number.MAX_SAFE_INTEGER);
  integerIn('customers', resolved.customers, 1, 10_000_000);
  integerIn('terminals', resolved.terminals, 1, 10_000_000);
  integerIn('days', resolved.days, 1, 3660);
  integerIn('labelDelayDays', resolved.labelDelayDays, 0, 365);
  const startMs = (/^\d{4}-\d{2}-\d{2}$/.test(resolved.start) ? parseTimestamp(`${resolved.start}T00:00:00Z`) : undefined) ?? Number.NaN;
  if (Number.isNaN(startMs)) problems.push({ code: 'format', path: 'start', message: `start must be a date YYYY-MM-DD, got ${resolved.start}` });
  const unknown = resolved.scenarios.filter((name) => !(scenarioNames as readonly string[]).includes(name));
  if (unknown.length > 0 || resolved.scenarios.length === 0) {
    problems.push({ code: 'enum', path: 'scenarios', message: `scenarios must be some of ${scenarioNames.join(', ')}, got ${resolved.scenarios.join(',') || 'none'}` });
  }
  if (resolved.format !== 'csv' && resolved.format !== 'jsonl') {
    problems.push({ code: 'enum', path: 'format', message: `format must be csv or jsonl, got ${String(resolved.format)}` });
  }
  if (!(spendingKinds as readonly string[]).includes(resolved.spending)) {
    problems.push({ code: 'enum', path: 'spending', message: `spending must be ${spendingKinds.join(' or ')}, got ${String(resolved.spending)}` });
  }
  if (problems.length > 0) throw new ValidationError(problems, 'The simulation options are invalid.');
  return { ...resolved, scenarios: scenarioNames.filter((name) => resolved.scenarios.includes(name)), startMs };
}

function withoutUndefined(options: SimulationOptions): SimulationOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as SimulationOptions;
}
