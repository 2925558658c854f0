import type { FastifyReply } from 'fastify';
import type { MerchantMode } from '../contract/merchant-admin.js';

/**
 * The headers of a merchant API answer: the stored decision it came from (`Sentra-Decision-Id`),
 * the merchant's mode (`Sentra-Mode`: a shadow merchant's answer is for comparison, not to act on)
 * and, when the contract reports it, the quality of the signals sent (`Sentra-Signal-Quality`:
 * `full`, or `reduced; missing=…`).
 */
export function setMerchantAnswerHeaders(reply: FastifyReply, decisionId: string, mode: MerchantMode, missingSignals?: readonly string[]): void {
  if (missingSignals !== undefined) void reply.header('sentra-signal-quality', missingSignals.length === 0 ? 'full' : `reduced; missing=${missingSignals.join(',')}`);
  void reply.header('sentra-decision-id', decisionId);
  void reply.header('sentra-mode', mode);
}
