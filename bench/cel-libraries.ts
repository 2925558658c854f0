/**
 * The two CEL libraries of issue 7 on our own rule expressions (the ten of bench/rules.ts), in one
 * run: compile time per expression and evaluation time per expression, plus, for @bufbuild/cel, the
 * conversion of a request's variables to the `Map`s it reads (once per request, whatever the number
 * of rules). `@marcbachmann/cel-js` runs as the scoring path runs it (compileExpression, ruleVariables).
 *
 * @bufbuild/cel is not a dependency of Sentra; install it aside and name its folder:
 *   npm install --prefix /tmp/celcmp @bufbuild/cel
 *   npx tsx bench/cel-libraries.ts --bufbuild /tmp/celcmp/node_modules/@bufbuild/cel
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { featureNames } from '../src/features/catalogue/feature-catalogue.js';
import { compileExpression } from '../src/rules/compile-rule.js';
import { createRuleEnvironment } from '../src/rules/rule-environment.js';
import { ruleVariables } from '../src/rules/rule-variables.js';
import type { TransactionRecord } from '../src/contract/transaction-record.js';
import { benchFeatureValues, benchLists, benchRuleTemplates } from './support/rule-workload.js';

const { values } = parseArgs({ options: { bufbuild: { type: 'string' } } });
if (values.bufbuild === undefined) throw new Error('--bufbuild <folder of @bufbuild/cel> is required (see the header)');
interface BufbuildCel {
  celEnv: () => unknown;
  parse: (expression: string) => unknown;
  plan: (env: unknown, parsed: unknown) => (bindings: Record<string, unknown>) => unknown;
}
const bufbuild = (await import(pathToFileURL(join(values.bufbuild, 'dist/esm/index.js')).href)) as BufbuildCel;

const expressions = benchRuleTemplates.map(([expression]) => expression);

const lists = benchLists();
const featureValues = benchFeatureValues();
const record: TransactionRecord = {
  txId: 'tx-1',
  createdAt: Date.UTC(2026, 10, 20),
  amount: 6200,
  currency: 'USD',
  fxRate: undefined,
  direction: 'pay_in',
  channel: 'card',
  psp: 'stripe',
  routeId: 'r1',
  status: 'approved',
  statusReason: 'ok',
  feeTotal: 1,
  senderEntityId: 'cust-200001',
  receiverEntityId: 'merchant-1',
  senderCountry: 'US',
  receiverCountry: 'GB',
  userId: undefined,
  merchantId: undefined,
  ipHash: 'ip',
  deviceIdHash: 'device-ok',
  sessionId: undefined,
  userAgent: undefined,
  overrides: undefined,
};
const variables = ruleVariables({ record, features: featureValues, model: { score: 720, probability: 0.72, decision: 'HOLD', version: 'v1' }, lists, now: Date.now(), featureNames: 'all' });

/** @bufbuild/cel reads maps as `Map`s: every object of the variables is converted (lists stay the Maps they are). */
const toCelInput = (value: unknown): unknown => {
  if (value instanceof Map || value instanceof Date || Array.isArray(value) || value === null || typeof value !== 'object') return value;
  return new Map(Object.entries(value).filter(([, entry]) => entry !== undefined && entry !== null).map(([key, entry]) => [key, toCelInput(entry)]));
};
const toBindings = (input: Readonly<Record<string, unknown>>) => {
  const bindings: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) bindings[name] = name === 'now' ? undefined : toCelInput(value);
  return bindings;
};

const median = (samples: number[]) => [...samples].sort((left, right) => left - right)[Math.floor(samples.length / 2)]!;
/** Median µs of `run` over `rounds` rounds of `inner` calls each. */
const time = (run: () => unknown, rounds: number, inner: number) => {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = process.hrtime.bigint();
    for (let index = 0; index < inner; index++) run();
    samples.push(Number(process.hrtime.bigint() - started) / 1000 / inner);
  }
  return median(samples);
};

const environment = createRuleEnvironment();
const features = new Set(featureNames);
const env = bufbuild.celEnv();
const bindings = toBindings(variables);
const conversion = time(() => toBindings(variables), 30, 200);
console.log('expression | cel-js compile µs | bufbuild compile µs | cel-js eval µs | bufbuild eval µs | results agree');
const ranges = { compile: [[], []] as number[][], evaluate: [[], []] as number[][] };
for (const expression of expressions) {
  const compiled = compileExpression(environment, expression, { features });
  if (!compiled.ok) throw new Error(`${expression}: ${JSON.stringify(compiled.problems)}`);
  const planned = bufbuild.plan(env, bufbuild.parse(expression));
  const celJsCompile = time(() => compileExpression(environment, expression, { features }), 15, 50);
  const bufbuildCompile = time(() => bufbuild.plan(env, bufbuild.parse(expression)), 15, 50);
  const celJsEval = time(() => compiled.evaluate(variables), 30, 2000);
  const bufbuildEval = time(() => planned(bindings), 30, 2000);
  const agree = compiled.evaluate(variables) === planned(bindings);
  ranges.compile[0]!.push(celJsCompile);
  ranges.compile[1]!.push(bufbuildCompile);
  ranges.evaluate[0]!.push(celJsEval);
  ranges.evaluate[1]!.push(bufbuildEval);
  console.log(`${expression.slice(0, 60).padEnd(60)} | ${celJsCompile.toFixed(1)} | ${bufbuildCompile.toFixed(1)} | ${celJsEval.toFixed(2)} | ${bufbuildEval.toFixed(2)} | ${agree}`);
}
const span = (samples: number[]) => `${Math.min(...samples).toFixed(1)}–${Math.max(...samples).toFixed(1)} µs`;
console.log(`compile: cel-js ${span(ranges.compile[0]!)}, @bufbuild/cel ${span(ranges.compile[1]!)}`);
console.log(`evaluate: cel-js ${span(ranges.evaluate[0]!)}, @bufbuild/cel ${span(ranges.evaluate[1]!)} (+ ${conversion.toFixed(1)} µs per request to convert the variables to Maps)`);
console.log(`load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
