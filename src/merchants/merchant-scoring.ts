import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import { SentraError } from '../errors/errors.js';
import type { ScoreCall, ScoredDecision, ScoringService } from '../scoring/scoring.service.js';
import { balanceOf, type Charge } from './billing.repository.js';
import type { BalanceGate } from './balance-gate.js';
import type { BillableService } from '../contract/merchant-admin.js';
import type { MerchantCall } from './merchant-call.js';
import type { MerchantPrincipal } from './merchant-authenticator.js';
import { engineThresholds } from './score-mapping.js';

/** A merchant call scored, kept and paid for. */
export interface MerchantDecision<Kept> {
  scored: ScoredDecision;
  /** The fee taken with the decision; a replay's is 0 with the current balance (it is not billed again). */
  charge: Charge;
  /** What the contract stored beside the decision (the event API's event row). */
  kept: Kept;
}

/** What the merchant flow needs. */
export interface MerchantScoringDependencies {
  db: Kysely<Database>;
  scoring: ScoringService;
  /** The cheap check that refuses a merchant already out of money before anything is scored. */
  gate: BalanceGate;
}

/**
 * The merchant front doors' common flow: check, score and pay, keep. A merchant whose balance is
 * known not to cover the fee answers 402 before anything is scored, profiled or stored (BalanceGate);
 * otherwise the request is scored by the one scoring service (same features, model, thresholds —
 * the merchant's own when set — decision store, cases and audit as `POST /v1/risk/score`) and its
 * fee is taken in the decision's own statement (migration 0077): a decision is stored exactly when
 * its fee is taken, so a call that fails takes nothing and needs no refund, and a call that loses
 * the race for the last of the balance answers 402 with nothing stored.
 */
export class MerchantScoring {
  constructor(private readonly deps: MerchantScoringDependencies) {}

  /**
   * Scores, pays for and keeps one call; `keep` reads what the contract needs of the stored decision.
   * `run` scores the call as the contract asks (the pipeline's stages); by default one scoring call
   * with the tenant's rules.
   */
  async score<Kept>(
    principal: MerchantPrincipal,
    service: BillableService,
    call: MerchantCall,
    source: string,
    startedAt: number,
    keep: (scored: ScoredDecision) => Promise<Kept>,
    run: (scoreCall: ScoreCall) => Promise<ScoredDecision> = (scoreCall) => this.deps.scoring.score(call.record, [], call.digest, scoreCall),
  ): Promise<MerchantDecision<Kept>> {
    const { merchant } = principal;
    await this.deps.gate.admit(merchant, service, { txId: call.record.txId, digest: call.digest });
    let scored: ScoredDecision;
    try {
      scored = await run({
        tenantId: principal.tenantId,
        actor: principal.keyId,
        source,
        startedAt,
        online: call.online,
        ...(call.custom === undefined ? {} : { custom: call.custom }),
        ...(call.merchantEvent === undefined ? {} : { merchantEvent: call.merchantEvent }),
        shadow: merchant.mode === 'shadow',
        ...(merchant.thresholds === null ? {} : { thresholds: engineThresholds(merchant.thresholds) }),
        fee: { merchantId: merchant.merchantId, service },
      });
    } catch (error) {
      if (error instanceof SentraError && error.code === 'SENTRA_ERR_PAYMENT_REQUIRED') this.deps.gate.exhausted(merchant);
      throw error;
    }
    if (scored.replayed) {
      // A retry of a call already answered (same transaction id, same body) gets the stored answer
      // and is not billed again: nothing was written, its fee included.
      const balance = await balanceOf(this.deps.db, principal.tenantId, merchant.merchantId);
      const charge: Charge = { usageId: '', service, currency: balance?.currency ?? merchant.currency, feeUnits: 0, balanceAfterUnits: balance?.balanceUnits ?? merchant.balanceUnits };
      return { scored, charge, kept: await keep(scored) };
    }
    const { charged } = scored;
    if (charged === undefined) throw new Error('a billable call was stored without its fee');
    this.deps.gate.observe(merchant, charged.balanceAfterUnits);
    return { scored, charge: { ...charged, service }, kept: await keep(scored) };
  }
}
