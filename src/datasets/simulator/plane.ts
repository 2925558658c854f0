import type { Psp } from '../../contract/enums.js';
import type { SeededRandom } from './seeded-random.js';
import type { SpendingKind } from './simulation-options.js';

/** Side of the square plane customers and terminals live on (the handbook's 100×100 grid). */
export const planeSize = 100;
/** A customer uses the terminals within this distance of home (the handbook's r = 5). */
export const terminalRadius = 5;

/** The plane is cut into a 4×4 grid of regions, each a country: cross-border payments happen near borders. */
export const regionCountries = ['US', 'CA', 'MX', 'BR', 'CO', 'CL', 'PE', 'AR', 'GB', 'DE', 'FR', 'ES', 'SG', 'HK', 'ID', 'TW'] as const;

/** The country of the region containing a point. */
export function countryAt(x: number, y: number): string {
  const column = Math.min(3, Math.floor((x / planeSize) * 4));
  const row = Math.min(3, Math.floor((y / planeSize) * 4));
  return regionCountries[row * 4 + column]!;
}

/** A card holder of the handbook: a home, a spending habit and the terminals near home. */
export interface CustomerProfile {
  index: number;
  /** Entity id of the customer's card, `cus_000001`. */
  id: string;
  x: number;
  y: number;
  country: string;
  /** Mean transaction amount, uniform in [5, 100). */
  meanAmount: number;
  /** Standard deviation of amounts: half the mean. */
  standardDeviation: number;
  /** Mean number of transactions a day, uniform in [0, 4). */
  meanTransactionsPerDay: number;
  /** Indexes of the terminals within {@link terminalRadius}. */
  terminalIndexes: number[];
}

/** A payment terminal: a location and how its payments are acquired. */
export interface TerminalProfile {
  index: number;
  /** Entity id, `ter_000001`. */
  id: string;
  x: number;
  y: number;
  country: string;
  psp: Psp;
  routeId: string;
}

/** Acquiring PSPs with their share of terminals and their card pricing (rate and fixed part). */
export const pspPricing: readonly { psp: Psp; share: number; rate: number; fixed: number }[] = [
  { psp: 'stripe', share: 0.3, rate: 0.029, fixed: 0.3 },
  { psp: 'adyen', share: 0.25, rate: 0.026, fixed: 0.11 },
  { psp: 'checkout', share: 0.2, rate: 0.0275, fixed: 0.2 },
  { psp: 'airwallex', share: 0.1, rate: 0.028, fixed: 0.25 },
  { psp: 'todaypay', share: 0.05, rate: 0.032, fixed: 0.15 },
  { psp: 'vamospago', share: 0.05, rate: 0.035, fixed: 0.1 },
  { psp: 'partner', share: 0.05, rate: 0.025, fixed: 0.2 },
];

/** Draws a PSP by market share. */
export function drawPsp(random: SeededRandom): Psp {
  let draw = random.next();
  for (const entry of pspPricing) {
    draw -= entry.share;
    if (draw < 0) return entry.psp;
  }
  return pspPricing[0]!.psp;
}

/** The fee a PSP charges on an amount, rounded to cents. */
export function feeFor(psp: Psp, amount: number): number {
  const pricing = pspPricing.find((entry) => entry.psp === psp) ?? pspPricing[0]!;
  return roundCents(amount * pricing.rate + pricing.fixed);
}

/** Rounds to two decimals. */
export function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Zero-padded numeric id with a prefix: `cus_000042`. */
export function entityId(prefix: string, index: number, width = 6): string {
  return `${prefix}_${String(index + 1).padStart(width, '0')}`;
}

/**
 * Generates the customer table of the handbook (terminals are attached by {@link attachTerminals});
 * with `broad` spending, mean amounts are log-uniform in 5-800 USD instead of uniform in 5-100.
 */
export function generateCustomers(random: SeededRandom, count: number, spending: SpendingKind = 'handbook'): CustomerProfile[] {
  return Array.from({ length: count }, (_, index) => {
    const x = random.uniform(0, planeSize);
    const y = random.uniform(0, planeSize);
    const draw = random.uniform(0, 1);
    const meanAmount = spending === 'handbook' ? 5 + draw * 95 : 5 * Math.exp(draw * Math.log(800 / 5));
    return {
      index,
      id: entityId('cus', index),
      x,
      y,
      country: countryAt(x, y),
      meanAmount,
      standardDeviation: meanAmount / 2,
      meanTransactionsPerDay: random.uniform(0, 4),
      terminalIndexes: [],
    };
  });
}

/** Generates the terminal table: a uniform location, a PSP and a route. */
export function generateTerminals(random: SeededRandom, count: number): TerminalProfile[] {
  return Array.from({ length: count }, (_, index) => {
    const x = random.uniform(0, planeSize);
    const y = random.uniform(0, planeSize);
    const country = countryAt(x, y);
    const psp = drawPsp(random);
    return { index, id: entityId('ter', index), x, y, country, psp, routeId: `${psp}-${country.toLowerCase()}-card-${1 + random.integer(3)}` };
  });
}

/** Lists for each customer the terminals within {@link terminalRadius}, using a grid of radius-sized cells. */
export function attachTerminals(customers: CustomerProfile[], terminals: readonly TerminalProfile[]): void {
  const cellsPerSide = Math.ceil(planeSize / terminalRadius);
  const cells: number[][] = Array.from({ length: cellsPerSide * cellsPerSide }, () => []);
  const cellOf = (value: number): number => Math.min(cellsPerSide - 1, Math.floor(value / terminalRadius));
  for (const terminal of terminals) cells[cellOf(terminal.y) * cellsPerSide + cellOf(terminal.x)]!.push(terminal.index);
  for (const customer of customers) {
    const column = cellOf(customer.x);
    const row = cellOf(customer.y);
    for (let cellRow = Math.max(0, row - 1); cellRow <= Math.min(cellsPerSide - 1, row + 1); cellRow++) {
      for (let cellColumn = Math.max(0, column - 1); cellColumn <= Math.min(cellsPerSide - 1, column + 1); cellColumn++) {
        for (const index of cells[cellRow * cellsPerSide + cellColumn]!) {
          const terminal = terminals[index]!;
          const dx = terminal.x - customer.x;
          const dy = terminal.y - customer.y;
          if (dx * dx + dy * dy < terminalRadius * terminalRadius) customer.terminalIndexes.push(index);
        }
      }
    }
    customer.terminalIndexes.sort((left, right) => left - right);
  }
}
