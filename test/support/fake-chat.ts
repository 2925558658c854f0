import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A chat-completions request as the fake received it. */
export interface ChatRequest {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: {
    model: string;
    messages: { role: string; content: string }[];
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> } };
    [key: string]: unknown;
  };
}

/** How the fake answers one request: the assistant message's content (and its token count), or a delay first, or an API error. */
export interface ChatAnswer {
  readonly content: string;
  /** An HTTP error status answered with the API's error body instead of a completion. */
  readonly errorStatus?: number;
  readonly totalTokens?: number;
  readonly delayMs?: number;
  readonly finishReason?: 'stop' | 'length';
}

/** A local OpenAI-compatible endpoint (`POST /v1/chat/completions`) answering with the real wire format. */
export interface FakeChat {
  /** The base URL to configure (`http://127.0.0.1:port/v1`). */
  readonly baseUrl: string;
  /** Every request received, in order. */
  readonly requests: ChatRequest[];
  /** Decides each answer; replace it per test. */
  answer: (request: ChatRequest) => ChatAnswer;
  close(): Promise<void>;
}

/** The user message's document text, between the triple quotes of the prompt. */
export function documentTextOf(request: ChatRequest): string {
  const user = request.body.messages.find((message) => message.role === 'user')?.content ?? '';
  const match = /"""\n([\s\S]*)\n"""/.exec(user);
  return match?.[1] ?? '';
}

/** Starts the fake on 127.0.0.1 at a free port. */
export async function startFakeChat(): Promise<FakeChat> {
  const requests: ChatRequest[] = [];
  const fake: FakeChat = {
    baseUrl: '',
    requests,
    answer: () => ({ content: '{}' }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
        return;
      }
      const request: ChatRequest = { path: req.url, authorization: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest['body'] };
      requests.push(request);
      const answer = fake.answer(request);
      const send = () => {
        if (res.destroyed) return;
        if (answer.errorStatus !== undefined) {
          res.writeHead(answer.errorStatus, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: answer.content, type: 'invalid_request_error', param: null, code: null } }));
          return;
        }
        const total = answer.totalTokens ?? 100;
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            id: `chatcmpl-${requests.length}`,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: request.body.model,
            choices: [{ index: 0, message: { role: 'assistant', content: answer.content, refusal: null }, logprobs: null, finish_reason: answer.finishReason ?? 'stop' }],
            usage: { prompt_tokens: total - 10, completion_tokens: 10, total_tokens: total },
          }),
        );
      };
      if (answer.delayMs === undefined) send();
      else setTimeout(send, answer.delayMs).unref();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  (fake as { baseUrl: string }).baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}
