import type { Kysely } from 'kysely';
import type { Database } from '../platform/database-schema.js';
import type { Clock } from '../platform/clock.js';
import { SentraError } from '../errors/errors.js';
import type { ScoreCall, ScoredDecision, ScoringService } from '../scoring/scoring.service.js';
import { refundCharge, type Charge, type ChargeRequest } from './billing.repository.js';
import type { GroupCommitter } from '../platform/group-commit.js';
import type { BillableService } from './billing-kinds.js';
import type { MerchantCall } from './merchant-call.js';
import type { MerchantPrincipal } from './merchant-authenticator.js';
import { engineThresholds } from './score-mapping.js';

/** A merchant call scored, kept and paid for. */
export interface MerchantDecision<Kept> {
  scored: ScoredDecision;
  charge: Charge;
  /** What the contract stored beside the decision (the event API's event row). */
  kept: Kept;
}

/** What the merchant flow needs. */
export interface MerchantScoringDependencies {
  db: Kysely<Database>;
  clock: Clock;
  scoring: ScoringService;
  /** Longest a fee may wait for its group commit before the call answers 503 (never taken then). */
  persistTimeoutMs: number;
  /** Takes fees in group commits (billing.repository.ts chargeFees). */
  charges: GroupCommitter<ChargeRequest, Charge | undefined>;
}

/**
 * The merchant front doors' common flow: pay, score, keep. The fee is taken first (one conditional
 * statement, so an exhausted balance answers 402 before anything is scored, profiled or stored);
 * the request is then scored by the one scoring service (same features, model, thresholds — the
 * merchant's own when set — decision store, cases and audit as `POST /v1/risk/score`); when scoring
 * fails before its decision is stored, the fee is refunded with a line naming the same reference.
 */
export class MerchantScoring {
  constructor(private readonly deps: MerchantScoringDependencies) {}

  /**
   * Pays for, scores and keeps one call; `keep` stores what the contract needs beside the decision
   * (its failure refunds the fee like a failed score). `run` scores the call as the contract asks
   * (the pipeline's stages); by default one scoring call with the tenant's rules.
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
    const request: ChargeRequest = {
      tenantId: principal.tenantId,
      merchantId: merchant.merchantId,
      service,
      reference: call.record.txId,
      actor: principal.keyId,
      at: new Date(this.deps.clock.now()),
    };
    // A fee still queued when the bound passes is never taken (503); one taken is waited for.
    const charge = await this.deps.charges.write(request, this.deps.persistTimeoutMs);
    if (charge === undefined) throw new SentraError('SENTRA_ERR_PAYMENT_REQUIRED');
    try {
      const scored = await run({
        tenantId: principal.tenantId,
        actor: principal.keyId,
        source,
        startedAt,
        online: call.online,
        ...(call.custom === undefined ? {} : { custom: call.custom }),
        ...(call.merchantEvent === undefined ? {} : { merchantEvent: call.merchantEvent }),
        shadow: merchant.mode === 'shadow',
        ...(merchant.thresholds === null ? {} : { thresholds: engineThresholds(merchant.thresholds) }),
      });
      if (scored.replayed) {
        // A retry of a call already answered (same transaction id, same body) gets the stored answer, and is not billed again.
        const balanceAfterUnits = await refundCharge(this.deps.db, { ...request, at: new Date(this.deps.clock.now()) }, charge);
        return { scored, charge: { ...charge, feeUnits: 0, balanceAfterUnits: balanceAfterUnits ?? charge.balanceAfterUnits + charge.feeUnits }, kept: await keep(scored) };
      }
      return { scored, charge, kept: await keep(scored) };
    } catch (error) {
      await refundCharge(this.deps.db, { ...request, at: new Date(this.deps.clock.now()) }, charge);
      throw error;
    }
  }
}
