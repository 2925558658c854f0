import type { ASTNode, Environment } from '@marcbachmann/cel-js';
import type { ProblemDetail } from '../errors/errors.js';
import { expressionLimits } from './rule-environment.js';
import { ruleFields } from './rule-fields.js';

/** A compiled expression: evaluates against the rule variables (throws on a run-time error). */
export type CompiledExpression = ((variables: Readonly<Record<string, unknown>>) => unknown) & { readonly ast?: ASTNode };

/** What a tenant's store knows when an expression is checked. */
export interface CompileContext {
  /** Feature names rules may select on `features` (the catalogue). */
  readonly features: ReadonlySet<string>;
  /** The tenant's list names (`lists.<name>`); absent: not checked (backtests of stored history). */
  readonly lists?: ReadonlySet<string>;
}

/** Line and column (1-based) of an offset in a text. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function problemAt(code: string, expression: string, offset: number, message: string, path: string): ProblemDetail {
  const { line, column } = lineColumn(expression, offset);
  return { code, path, message: `${message} (line ${line}, column ${column})` };
}

/** Walks the tree for selections the store can check: `features.x`, `tx.x`, `entities.x`, `model.x`, `lists.x`. */
function checkSelections(node: ASTNode, expression: string, context: CompileContext, path: string, problems: ProblemDetail[]): void {
  if (node.op === '.' || node.op === '.?') {
    const [target, field] = node.args;
    if (target.op === 'id') {
      const variable = target.args;
      const known =
        variable === 'features'
          ? context.features
          : variable === 'lists'
            ? context.lists
            : variable === 'tx' || variable === 'entities' || variable === 'model'
              ? ruleFields[variable]
              : undefined;
      if (known !== undefined && !known.has(field)) {
        const code = variable === 'features' ? 'unknown_feature' : variable === 'lists' ? 'unknown_list' : 'unknown_field';
        problems.push(problemAt(code, expression, node.range.start, `${variable}.${field} is not known`, path));
      }
    }
  }
  const args: unknown = node.args;
  if (!Array.isArray(args)) return;
  for (const child of args.flat()) {
    if (typeof child === 'object' && child !== null && 'op' in child) checkSelections(child as ASTNode, expression, context, path, problems);
  }
}

/** The outcome of compiling an expression: the function, or every problem with its position. */
export type CompileResult = { ok: true; evaluate: CompiledExpression } | { ok: false; problems: ProblemDetail[] };

/**
 * Parses and type-checks a rule expression once (at save time and when a process loads a rule
 * version). Errors carry their line and column; deep nesting, oversized expressions, unknown
 * variables, fields, features and lists, and non-boolean results are refused.
 */
export function compileExpression(environment: Environment, expression: string, context: CompileContext, path = '/expression'): CompileResult {
  if (expression.length > expressionLimits.maxLength) {
    return { ok: false, problems: [{ code: 'too_long', path, message: `an expression has at most ${expressionLimits.maxLength} characters` }] };
  }
  if (expression.trim() === '') return { ok: false, problems: [{ code: 'required', path, message: 'the expression is empty' }] };
  let parsed: ReturnType<Environment['parse']>;
  try {
    parsed = environment.parse(expression);
  } catch (error) {
    return { ok: false, problems: [celProblem(error, expression, path)] };
  }
  const checked = parsed.check();
  if (!checked.valid) return { ok: false, problems: [celProblem(checked.error, expression, path)] };
  if (checked.type !== 'bool' && checked.type !== 'dyn') {
    return { ok: false, problems: [{ code: 'not_boolean', path, message: `a rule expression must be a condition (bool); this one is ${checked.type ?? 'unknown'}` }] };
  }
  const problems: ProblemDetail[] = [];
  checkSelections(parsed.ast, expression, context, path, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, evaluate: parsed };
}

/** A CEL parse or type error as a problem with its position; a stack overflow counts as too deep. */
function celProblem(error: unknown, expression: string, path: string): ProblemDetail {
  if (error instanceof RangeError) return { code: 'too_deep', path, message: `the expression nests too deeply (at most ${expressionLimits.maxDepth} levels)` };
  const cel = error as { summary?: string; message?: string; range?: { start: number }; name?: string };
  const summary = cel.summary ?? cel.message ?? String(error);
  const code = /maxDepth/.test(summary) ? 'too_deep' : /maxAstNodes|maxList|maxMap/.test(summary) ? 'too_large' : /Unknown variable/.test(summary) ? 'unknown_variable' : cel.name === 'TypeError' ? 'type' : 'syntax';
  return problemAt(code, expression, cel.range?.start ?? 0, summary, path);
}

/** What an expression reads of each map variable: field names, or `all` when it reads the map as a whole. */
export type ReferencedFields = Readonly<Record<'tx' | 'entities' | 'features' | 'signals', ReadonlySet<string> | 'all'>>;

/**
 * The fields an expression selects on `tx`, `entities`, `features` and `signals`, so a backtest
 * reads only those columns; a variable used other than by a field selection (`features["x"]`,
 * `tx` alone) is read whole.
 */
export function referencedFields(node: ASTNode): ReferencedFields {
  const fields = { tx: new Set<string>(), entities: new Set<string>(), features: new Set<string>(), signals: new Set<string>() };
  const whole = new Set<string>();
  const visit = (current: ASTNode) => {
    if ((current.op === '.' || current.op === '.?') && current.args[0].op === 'id' && current.args[0].args in fields) {
      fields[current.args[0].args as keyof typeof fields].add(current.args[1]);
      return;
    }
    if (current.op === 'id' && current.args in fields) whole.add(current.args);
    const args: unknown = current.args;
    if (!Array.isArray(args)) return;
    for (const child of args.flat()) if (typeof child === 'object' && child !== null && 'op' in child) visit(child as ASTNode);
  };
  visit(node);
  const pick = (name: keyof typeof fields) => (whole.has(name) ? 'all' : fields[name]);
  return { tx: pick('tx'), entities: pick('entities'), features: pick('features'), signals: pick('signals') };
}
