import type { TransactionStatus } from '../../contract/enums.js';
import type { CustomerProfile, TerminalProfile } from './plane.js';
import { feeFor, roundCents } from './plane.js';
import type { SeededRandom } from './seeded-random.js';
import { networkOverrides, type FraudReason, type SimulatedTransaction } from './simulated-transaction.js';

const dayMs = 86_400_000;
/** Handbook scenario 1: any amount above this is fraud. */
export const largeAmountThreshold = 220;
/** Handbook scenario 2: terminals compromised a day, and for how many days. */
export const compromisedTerminalsPerDay = 2;
export const compromisedTerminalDays = 28;
/** Handbook scenario 3: cards compromised a day, for how many days, the share of their payments hit and the amount factor. */
export const compromisedCardsPerDay = 3;
export const compromisedCardDays = 14;
export const compromisedCardShare = 1 / 3;
export const compromisedCardAmountFactor = 5;

/**
 * The handbook's card-present payments, generated day by day: each customer makes a Poisson number
 * of payments (rate = its mean per day) at times normal around noon (σ = 20,000 s; draws outside
 * the day are dropped), amounts normal around its mean (a negative draw is replaced by a uniform
 * one in [0, 2·mean)), at a terminal drawn uniformly among those within radius 5.
 * With `fraud` on, the three scenarios mark payments: amount > 220; the 2 terminals compromised
 * each day make every payment of the next 28 days fraud; the 3 cards compromised each day have
 * each payment of the next 14 days hit with probability 1/3 (×5 amount, fraud). The handbook
 * samples exactly a third of a card's payments after the fact; drawing per payment as it is
 * generated keeps the output streamable and has the same expectation.
 */
export class CardGenerator {
  private readonly terminalCompromisedUntilDay: Int32Array;
  private readonly cardCompromiseStartDays = new Map<number, number[]>();

  constructor(
    private readonly customers: readonly CustomerProfile[],
    private readonly terminals: readonly TerminalProfile[],
    private readonly startMs: number,
    private readonly fraud: boolean,
    private readonly random: SeededRandom,
    private readonly fraudRandom: SeededRandom,
    /** The handbook's scenario 1 (every amount above 220 is fraud); off with broad spending. */
    private readonly largeAmountFraud = true,
  ) {
    this.terminalCompromisedUntilDay = new Int32Array(terminals.length).fill(-1);
  }

  /** Generates every card payment of `day` (0-based) and hands each to `emit`. */
  generateDay(day: number, emit: (transaction: SimulatedTransaction) => void): void {
    if (this.fraud) this.compromise(day);
    const dayStart = this.startMs + day * dayMs;
    for (const customer of this.customers) {
      const count = this.random.poisson(customer.meanTransactionsPerDay);
      for (let draw = 0; draw < count; draw++) {
        const second = Math.trunc(this.random.normal(43_200, 20_000));
        if (second <= 0 || second >= 86_400) continue;
        let amount = this.random.normal(customer.meanAmount, customer.standardDeviation);
        if (amount < 0) amount = this.random.uniform(0, customer.meanAmount * 2);
        if (customer.terminalIndexes.length === 0) continue;
        const terminal = this.terminals[this.random.pick(customer.terminalIndexes)]!;
        emit(this.payment(customer, terminal, dayStart + second * 1000, roundCents(amount), day));
      }
    }
  }

  private compromise(day: number): void {
    for (const index of distinctIndexes(this.fraudRandom, this.terminals.length, compromisedTerminalsPerDay)) {
      this.terminalCompromisedUntilDay[index] = Math.max(this.terminalCompromisedUntilDay[index]!, day + compromisedTerminalDays);
    }
    for (const index of distinctIndexes(this.fraudRandom, this.customers.length, compromisedCardsPerDay)) {
      const starts = (this.cardCompromiseStartDays.get(index) ?? []).filter((start) => start + compromisedCardDays > day);
      starts.push(day);
      this.cardCompromiseStartDays.set(index, starts);
    }
  }

  private payment(customer: CustomerProfile, terminal: TerminalProfile, createdAt: number, drawnAmount: number, day: number): SimulatedTransaction {
    let amount = drawnAmount;
    let fraudReason: FraudReason | undefined;
    if (this.fraud) {
      if (this.largeAmountFraud && amount > largeAmountThreshold) fraudReason = 'large_amount';
      if (this.terminalCompromisedUntilDay[terminal.index]! > day) fraudReason = 'compromised_terminal';
      for (const start of this.cardCompromiseStartDays.get(customer.index) ?? []) {
        if (start <= day && day < start + compromisedCardDays && this.fraudRandom.chance(compromisedCardShare)) {
          amount = roundCents(amount * compromisedCardAmountFactor);
          fraudReason = 'compromised_card';
        }
      }
    }
    const status = this.status();
    return {
      fraudReason,
      record: {
        txId: '',
        createdAt,
        amount,
        currency: 'USD',
        fxRate: undefined,
        direction: 'pay_in',
        channel: 'card',
        psp: terminal.psp,
        routeId: terminal.routeId,
        status: status.status,
        statusReason: status.reason,
        feeTotal: status.status === 'failed' ? 0 : feeFor(terminal.psp, amount),
        senderEntityId: customer.id,
        receiverEntityId: terminal.id,
        senderCountry: customer.country,
        receiverCountry: terminal.country,
        userId: undefined,
        merchantId: undefined,
        ipHash: undefined,
        deviceIdHash: undefined,
        sessionId: undefined,
        userAgent: undefined,
        overrides: networkOverrides(false, false),
      },
    };
  }

  /** Gateway outcome, independent of fraud in the handbook data: mostly approved, a few declines and refunds. */
  private status(): { status: TransactionStatus; reason: string } {
    const draw = this.random.next();
    if (draw < 0.975) return { status: 'approved', reason: 'approved' };
    if (draw < 0.985) return { status: 'completed', reason: 'settled' };
    if (draw < 0.995) return { status: 'failed', reason: draw < 0.99 ? 'insufficient_funds' : 'do_not_honor' };
    return { status: 'refunded', reason: 'customer_request' };
  }
}

/** `count` distinct indexes below `size` (all of them when size ≤ count). */
export function distinctIndexes(random: SeededRandom, size: number, count: number): number[] {
  const chosen: number[] = [];
  while (chosen.length < Math.min(count, size)) {
    const index = random.integer(size);
    if (!chosen.includes(index)) chosen.push(index);
  }
  return chosen;
}
