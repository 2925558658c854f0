/** Where a JSON text first breaks, and why. */
export interface SyntaxProblem {
  offset: number;
  message: string;
}

const number = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const string = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const whitespace = /[ \t\n\r]*/y;

/**
 * The first syntax error of a JSON text, located by character offset, or undefined when it parses.
 * Browsers word and place JSON.parse errors differently, so the editor finds the spot itself.
 */
export function findSyntaxError(text: string): SyntaxProblem | undefined {
  let at = 0;
  const fail = (message: string): never => {
    throw { offset: at, message } satisfies SyntaxProblem;
  };
  const skip = () => {
    whitespace.lastIndex = at;
    whitespace.exec(text);
    at = whitespace.lastIndex;
  };
  const match = (pattern: RegExp) => {
    pattern.lastIndex = at;
    if (pattern.exec(text) === null) return false;
    at = pattern.lastIndex;
    return true;
  };
  const expect = (character: string) => {
    skip();
    if (text[at] !== character) fail(at >= text.length ? `Expected ${character} before the end` : `Expected ${character}`);
    at += 1;
  };
  const value = (): void => {
    skip();
    const next = text[at];
    if (next === '{') return container('}', true);
    if (next === '[') return container(']', false);
    if (next === '"') return void (match(string) || fail('Unterminated or invalid string'));
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, at)) return void (at += literal.length);
    }
    if (match(number)) return;
    fail(next === undefined ? 'Unexpected end of the text' : `Unexpected ${JSON.stringify(next)}`);
  };
  const container = (close: string, keyed: boolean): void => {
    at += 1;
    skip();
    if (text[at] === close) return void (at += 1);
    while (true) {
      if (keyed) {
        skip();
        if (text[at] !== '"') fail('Expected a property name in double quotes');
        value();
        expect(':');
      }
      value();
      skip();
      if (text[at] === ',') {
        at += 1;
        continue;
      }
      if (text[at] === close) return void (at += 1);
      fail(at >= text.length ? `Expected , or ${close} before the end` : `Expected , or ${close}`);
    }
  };
  try {
    value();
    skip();
    if (at < text.length) fail('Unexpected text after the JSON value');
    return undefined;
  } catch (problem) {
    return problem as SyntaxProblem;
  }
}
