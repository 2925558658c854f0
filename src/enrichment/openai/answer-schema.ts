import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { evidenceSources } from '../evidence.js';
import type { SignalKey } from '../analysis/analysis.js';

/**
 * The signals a language model judges from the document. List screening stays in this process (the
 * lists never leave it) and director overlap is a query over the tenant's other documents.
 */
export const modelSignalKeys = [
  'document_expired',
  'document_dates_invalid',
  'name_mismatch',
  'country_mismatch',
  'high_risk_jurisdiction',
  'recently_incorporated',
  'shell_keywords',
  'registered_agent_address',
] as const satisfies readonly SignalKey[];

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((value) => Type.Literal(value)));
const nullableString = Type.Union([Type.String(), Type.Null()]);

/**
 * The JSON a model must answer (OpenAI structured outputs, strict: every property required, no
 * others). Evidence carries only quotes: the provider finds each one verbatim in the text it sent.
 */
export const ModelAnswer = Type.Object(
  {
    signals: Type.Object(Object.fromEntries(modelSignalKeys.map((key) => [key, Type.Boolean()])) as Record<(typeof modelSignalKeys)[number], ReturnType<typeof Type.Boolean>>, {
      additionalProperties: false,
    }),
    evidence: Type.Array(
      Type.Object(
        {
          source: literals(Object.values(evidenceSources)),
          key: literals(modelSignalKeys),
          quote: Type.String(),
        },
        { additionalProperties: false },
      ),
    ),
    facts: Type.Object(
      {
        names: Type.Array(Type.String()),
        birth_date: nullableString,
        company_name: nullableString,
        directors: Type.Array(Type.String()),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** A model's answer, once checked against {@link ModelAnswer}. */
export type ModelAnswer = Static<typeof ModelAnswer>;

/** The schema as plain JSON (TypeBox's symbols dropped), as sent in `response_format`. */
export const modelAnswerJsonSchema = JSON.parse(JSON.stringify(ModelAnswer)) as Record<string, unknown>;

/** Parses and checks a model's answer; throws a sentence saying what is wrong. */
export function parseModelAnswer(content: string): ModelAnswer {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    throw new Error(`the model's answer is not JSON: ${JSON.stringify(content.slice(0, 120))}`);
  }
  const problem = Value.Errors(ModelAnswer, value).First();
  if (problem !== undefined) throw new Error(`the model's answer does not follow the schema at ${problem.path || '/'}: ${problem.message}`);
  return value as ModelAnswer;
}
