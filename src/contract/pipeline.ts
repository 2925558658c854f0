import { Type, type Static } from '@sinclair/typebox';
import { decisions } from './enums.js';
import { Billing, SentryError, SentryRequest } from './sentry.js';

/** The stages of `POST /api/v1/pipeline`, as seed 002 spells them, in their default order. */
export const pipelineStageNames = ['PreCheck', 'Sentry', 'Rules'] as const;
/** One stage's name, as seed 002 spells it. */
export type PipelineStageName = (typeof pipelineStageNames)[number];

const stringEnum = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });

/** The stages a pipeline runs, in order (seed 002: PreCheck → Sentry → Rules). */
export const PipelineStages = Type.Array(stringEnum(pipelineStageNames, 'A stage: PreCheck, Sentry or Rules.'), {
  minItems: 1,
  maxItems: 10,
  description: 'Stages in the order they run, each at most once, Sentry or Rules among them. Default: PreCheck, Sentry, Rules.',
});

/** `POST /api/v1/pipeline` request body: the confidence request (seed 002) and the stages to run on it. */
export const PipelineApiRequest = Type.Object(
  {
    stages: Type.Optional(PipelineStages),
    ...SentryRequest.properties,
  },
  { additionalProperties: false, $id: 'PipelineRequest' },
);
/** A schema-valid pipeline request. */
export type PipelineApiRequest = Static<typeof PipelineApiRequest>;

/** PreCheck's answer: the request passed its checks, and the tenant's lists that hold one of its identifiers. */
export const PreCheckResponse = Type.Object({
  passed: Type.Boolean(),
  listMatches: Type.Array(Type.Object({ list: Type.String({ description: 'The list name.' }), field: Type.String({ description: 'The identifier found in it (rule name, e.g. user_id).' }) })),
});

/** One live rule that fired. */
export const PipelineRuleHit = Type.Object({
  ruleId: Type.String(),
  name: Type.String(),
  action: Type.Union([Type.String(), Type.Object({ score: Type.Number() })], { description: 'BLOCK, HOLD, REVIEW, ALLOW, or a score adjustment.' }),
});

/** Rules' answer: the decision after the tenant's rules, the engine's risk score, the live rules that fired. */
export const RulesResponse = Type.Object({
  decision: stringEnum(decisions, 'PASS, REVIEW, HOLD or BLOCK.'),
  riskScore: Type.Integer({ minimum: 0, maximum: 1000, description: 'The engine risk score (0–1000) after rules.' }),
  ruleHits: Type.Array(PipelineRuleHit),
  reasons: Type.Array(Type.String({ description: 'RULE_* reason codes.' })),
});

/** `POST /api/v1/pipeline` answer, success and failure alike: the confidence answer's conventions (seed 002). */
export const PipelineApiResponse = Type.Object(
  {
    isSuccess: Type.Boolean(),
    pipelineResponse: Type.Union([
      Type.Object({
        stages: Type.Array(stringEnum(pipelineStageNames, 'A stage that ran.'), { description: 'The stages that ran, in order.' }),
        decision: stringEnum(decisions, "The final decision: Rules' when it ran, else the model's and the thresholds'."),
        preCheckResponse: Type.Union([PreCheckResponse, Type.Null()]),
        sentryResponse: Type.Union([
          Type.Object({ requestConfidence: Type.Number({ minimum: 0, maximum: 1, description: "0–1, higher = more likely legitimate: 1 − the model's risk score / 1000, before rules." }) }),
          Type.Null(),
        ]),
        rulesResponse: Type.Union([RulesResponse, Type.Null()]),
      }),
      Type.Null(),
    ]),
    billing: Type.Union([Billing, Type.Null()]),
    errors: Type.Union([Type.Array(SentryError), Type.Null()]),
  },
  { $id: 'PipelineResponse' },
);
/** A pipeline answer. */
export type PipelineApiResponse = Static<typeof PipelineApiResponse>;
