/** Where in an expression a compile error points (1-based line and column), with the offset of that spot. */
export interface ExpressionPosition {
  line: number;
  column: number;
  offset: number;
  /** The text of the line the error is on. */
  lineText: string;
}

const located = /\(line (\d+), column (\d+)\)\s*$/;

/**
 * Reads the position the server gives in a compile error's message ("… (line 2, column 3)") and
 * finds it in the expression; undefined when the message names no position or it lies outside the text.
 */
export function expressionPosition(expression: string, message: string): ExpressionPosition | undefined {
  const match = located.exec(message);
  if (match === null) return undefined;
  const line = Number(match[1]);
  const column = Number(match[2]);
  const lines = expression.split('\n');
  const lineText = lines[line - 1];
  if (lineText === undefined || column < 1 || column > lineText.length + 1) return undefined;
  const offset = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0) + column - 1;
  return { line, column, offset, lineText };
}
