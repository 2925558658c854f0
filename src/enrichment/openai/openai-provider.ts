import OpenAI from 'openai';
import type { OpenAiProviderConfig } from '../../platform/enrichment-config.js';
import type { AnalysisInput, EnrichmentProvider, ProviderAnalysis, SignalKey } from '../analysis/analysis.js';
import { locate } from '../analysis/document-facts.js';
import { parseDocumentDate } from '../analysis/dates.js';
import { directorKey, documentNamesToScreen, entityNameToScreen, screenNames } from '../analysis/screen-names.js';
import type { EnrichmentMetrics } from '../enrichment-metrics.js';
import { evidenceSources, type EvidenceItem } from '../evidence.js';
import type { ScreeningIndex } from '../screening/screening-index.js';
import { modelAnswerJsonSchema, parseModelAnswer, type ModelAnswer } from './answer-schema.js';
import { analysisMessages } from './prompt.js';
import type { TokenBudget } from './token-budget.js';
import { PermanentJobError } from '../../jobs/job-runner.js';

/** Longest answer asked for, in tokens: bounds what one call can take past a tenant's budget. */
const maxAnswerTokens = 2_000;

/** What the chat provider needs besides its settings. */
export interface OpenAiProviderOptions {
  readonly config: OpenAiProviderConfig;
  readonly budget: TokenBudget;
  readonly screening: (generation: number) => Promise<ScreeningIndex>;
  readonly highRiskCountries: readonly string[];
  readonly metrics: EnrichmentMetrics;
}

/** A 4xx answer other than a timeout, a conflict or a rate limit: the same request will be refused again. */
const refusedForGood = (status: number | undefined) => status !== undefined && status >= 400 && status < 500 && ![408, 409, 429].includes(status);

/**
 * A language model behind an OpenAI-compatible chat-completions API (hosted, or a local server).
 * It receives the masked document text only, answers JSON against {@link modelAnswerJsonSchema},
 * and quotes its evidence; each quote is located in the text sent (a quote found nowhere keeps no
 * span and is dropped by verification). The names it reads are screened against the lists here,
 * in this process. Each tenant spends at most its daily token budget.
 */
export class OpenAiProvider implements EnrichmentProvider {
  readonly name = 'openai';
  readonly version: string;
  private readonly client: OpenAI;

  constructor(private readonly options: OpenAiProviderOptions) {
    this.version = `openai:${options.config.model}`;
    // Retries are the job runner's (with backoff and a dead-letter state), not the client's.
    this.client = new OpenAI({ baseURL: options.config.baseUrl, apiKey: options.config.apiKey, timeout: options.config.timeoutMs, maxRetries: 0 });
  }

  async analyze(input: AnalysisInput, signal: AbortSignal): Promise<ProviderAnalysis> {
    const answer = input.documentText === undefined ? undefined : await this.ask(input, signal);
    const signals: Partial<Record<SignalKey, boolean>> = { ...answer?.signals };
    const evidence: (EvidenceItem | Omit<EvidenceItem, 'span'>)[] = (answer?.evidence ?? []).map((item) => {
      const found = locate(item.source === evidenceSources.document ? input.documentText : input.entity.name, item.quote);
      return found === undefined ? item : { ...item, span: `${found.start}-${found.end}` };
    });
    // Only facts written in the document are kept: an invented director would otherwise link this
    // entity to others through the director-overlap query.
    const written = (value: string) => locate(input.documentText, value) !== undefined;
    const read = answer?.facts;
    const facts = {
      names: (read?.names ?? []).filter(written),
      birth_date: read?.birth_date ?? null,
      company_name: read?.company_name != null && written(read.company_name) ? read.company_name : null,
      directors: (read?.directors ?? []).filter(written),
    };
    const birthDate = facts.birth_date === null ? undefined : parseDocumentDate(facts.birth_date);
    const inDocument = (value: string) => {
      const located = locate(input.documentText, value);
      return located === undefined ? undefined : { located, source: evidenceSources.document };
    };
    const screened = [
      ...documentNamesToScreen({ names: facts.names, birthDate, companyName: facts.company_name ?? undefined, directors: facts.directors }, inDocument),
      ...entityNameToScreen(input.entity.name),
    ];
    const located: EvidenceItem[] = [];
    const texts = { [evidenceSources.document]: input.documentText, [evidenceSources.entityName]: input.entity.name };
    const matches = screenNames(await this.options.screening(input.listGeneration), texts, screened, located, signals);
    return {
      signals,
      matches,
      evidence: [...evidence, ...located],
      facts: {
        names: facts.names,
        birth_date: birthDate,
        company_name: facts.company_name ?? undefined,
        directors: facts.directors,
        director_keys: facts.directors.map(directorKey).filter((key) => key !== ''),
      },
    };
  }

  /** One chat completion within the tenant's budget; throws on a timeout, a refusal or an answer off the schema (the job is retried). */
  private async ask(input: AnalysisInput, signal: AbortSignal): Promise<ModelAnswer> {
    const { budget, metrics, config } = this.options;
    await budget.assertAvailable(input.tenantId, input.asOf);
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    try {
      completion = await this.client.chat.completions.create(
        {
          model: config.model,
          messages: analysisMessages(input, this.options.highRiskCountries),
          temperature: 0,
          max_tokens: maxAnswerTokens,
          response_format: { type: 'json_schema', json_schema: { name: 'kyc_analysis', strict: true, schema: modelAnswerJsonSchema } },
        },
        { signal },
      );
    } catch (error) {
      const timedOut = error instanceof OpenAI.APIConnectionTimeoutError;
      metrics.llmCalls.inc({ outcome: timedOut ? 'timeout' : 'error' });
      if (timedOut) throw new Error(`the model did not answer within ${config.timeoutMs} ms (SENTRA_LLM_TIMEOUT_MS)`, { cause: error });
      if (error instanceof OpenAI.APIError && refusedForGood(error.status)) {
        // A wrong key, model or request: no retry can fix it.
        throw new PermanentJobError(`the provider refused the request (HTTP ${error.status}): ${error.message.slice(0, 300)}`, { cause: error });
      }
      throw error;
    }
    const tokens = completion.usage?.total_tokens ?? 0;
    metrics.llmTokens.inc(tokens);
    await budget.record(input.tenantId, input.asOf, tokens);
    const choice = completion.choices[0];
    try {
      if (choice === undefined) throw new Error('the model answered no choice');
      if (typeof choice.message.refusal === 'string' && choice.message.refusal !== '') throw new Error(`the model refused: ${choice.message.refusal.slice(0, 200)}`);
      if (choice.finish_reason === 'length') throw new Error(`the model's answer was cut at ${maxAnswerTokens} tokens`);
      const answer = parseModelAnswer(choice.message.content ?? '');
      metrics.llmCalls.inc({ outcome: 'ok' });
      return answer;
    } catch (error) {
      metrics.llmCalls.inc({ outcome: 'malformed' });
      throw error;
    }
  }
}
