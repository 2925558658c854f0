// @ts-check
// ESLint rule: forbid import cycles between the project's own modules.
// Relative imports are followed (`./x.js` resolves to `./x.ts`); type-only imports are erased by
// the compiler and therefore ignored, as are package imports.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';

/** @type {Map<string, { mtimeMs: number, imports: { target: string, line: number }[] }>} */
const importCache = new Map();

/** @param {string} fromFile @param {string} specifier */
function resolveRelative(fromFile, specifier) {
  const base = resolve(dirname(fromFile), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, resolve(base, 'index.ts')];
  return candidates.find((file) => file.endsWith('.ts') && existsSync(file));
}

/** Runtime imports of one file, resolved to project files. @param {string} file @param {string} [text] */
function importsOf(file, text) {
  const mtimeMs = text === undefined ? statSync(file).mtimeMs : -1;
  const cached = importCache.get(file);
  if (cached && text === undefined && cached.mtimeMs === mtimeMs) return cached.imports;
  const source = ts.createSourceFile(file, text ?? readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  /** @type {{ target: string, line: number }[]} */
  const imports = [];
  for (const statement of source.statements) {
    let specifier;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      if (clause?.namedBindings && ts.isNamedImports(clause.namedBindings) && !clause.name) {
        const elements = clause.namedBindings.elements;
        if (elements.length > 0 && elements.every((element) => element.isTypeOnly)) continue;
      }
      specifier = statement.moduleSpecifier;
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      specifier = statement.moduleSpecifier;
    }
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
    const target = resolveRelative(file, specifier.text);
    if (target) imports.push({ target, line: source.getLineAndCharacterOfPosition(statement.getStart(source)).line + 1 });
  }
  if (text === undefined) importCache.set(file, { mtimeMs, imports });
  return imports;
}

/** A path of modules from `start` back to `goal`, or undefined. @param {string} start @param {string} goal */
function pathBack(start, goal) {
  /** @type {Map<string, string | null>} */
  const parent = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.shift());
    for (const { target } of importsOf(file)) {
      if (target === goal) {
        const path = [file];
        for (let step = parent.get(file); step; step = parent.get(step)) path.unshift(step);
        return path;
      }
      if (!parent.has(target)) {
        parent.set(target, file);
        queue.push(target);
      }
    }
  }
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid runtime import cycles between project modules' },
    schema: [],
    messages: { cycle: 'Import cycle: {{path}}' },
  },
  create(context) {
    return {
      Program(node) {
        const file = context.filename;
        if (!file.endsWith('.ts')) return;
        for (const { target, line } of importsOf(file, context.sourceCode.text)) {
          const path = target === file ? [file] : pathBack(target, file);
          if (!path) continue;
          const cwd = context.cwd;
          const shown = [file, ...path, file].map((p) => (p.startsWith(cwd) ? p.slice(cwd.length + 1) : p));
          context.report({ node, loc: { line, column: 0 }, messageId: 'cycle', data: { path: shown.join(' → ') } });
        }
      },
    };
  },
};

export default { rules: { 'no-import-cycle': noImportCycle } };
