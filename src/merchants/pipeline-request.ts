import { type PipelineApiRequest, type PipelineApiResponse, pipelineStageNames, type PipelineStageName } from '../contract/pipeline.js';
import { ValidationError } from '../errors/errors.js';
import { checkStages, type PipelineOutcome } from '../scoring/pipeline-stages.js';
import { sentryRequestProblems } from './sentry-request.js';

/** The stages of a request that names none: seed 002's example pipeline. */
export const defaultPipelineStages: readonly PipelineStageName[] = pipelineStageNames;

/**
 * Checks a pipeline request: the confidence request's own checks, and its stages (known, each at
 * most once, Sentry or Rules among them: a pipeline scores, and is billed for its decision).
 * Lists every problem; answers the stages to run.
 */
export function checkPipelineRequest(body: PipelineApiRequest): PipelineStageName[] {
  const problems = sentryRequestProblems(body);
  let stages: PipelineStageName[] = [...defaultPipelineStages];
  try {
    stages = checkStages(body.stages ?? defaultPipelineStages);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    problems.push(...error.details);
  }
  if (body.stages !== undefined && !body.stages.includes('Sentry') && !body.stages.includes('Rules')) {
    problems.push({ code: 'required', path: '/stages', message: 'a pipeline scores: name Sentry or Rules among its stages' });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return stages;
}

/** The pipeline's result in the contract's names: each stage's answer (null when it did not run) and the final decision. */
export function pipelineResponse(outcome: PipelineOutcome): NonNullable<PipelineApiResponse['pipelineResponse']> {
  // checkPipelineRequest admits only pipelines that score, so there is always a decision.
  if (outcome.decision === undefined) throw new Error('a pipeline without Sentry or Rules has no decision');
  const answer: NonNullable<PipelineApiResponse['pipelineResponse']> = {
    stages: outcome.stages.map((stage) => stage.stage),
    decision: outcome.decision,
    preCheckResponse: null,
    sentryResponse: null,
    rulesResponse: null,
  };
  for (const stage of outcome.stages) {
    if (stage.stage === 'PreCheck') answer.preCheckResponse = { passed: stage.passed, listMatches: stage.list_matches.map((match) => ({ list: match.list, field: match.field })) };
    else if (stage.stage === 'Sentry') answer.sentryResponse = { requestConfidence: stage.requestConfidence };
    else answer.rulesResponse = { decision: stage.decision, riskScore: stage.risk_score, ruleHits: stage.hits.map((hit) => ({ ruleId: hit.rule_id, name: hit.name, action: hit.action })), reasons: stage.reasons };
  }
  return answer;
}
