import { describe, expect, it } from 'vitest';
import { expressionPosition } from './expression-position';

describe('the position of a compile error in a rule expression', () => {
  it('finds the line, column and offset the server names', () => {
    const expression = 'tx.amount >\n  && true';
    expect(expressionPosition(expression, 'Unexpected token && (line 2, column 3)')).toEqual({ line: 2, column: 3, offset: 14, lineText: '  && true' });
    expect(expression.slice(14, 16)).toBe('&&');
  });

  it('points at the end of a line, where a missing operand is found', () => {
    expect(expressionPosition('tx.amount >', 'Unexpected end (line 1, column 12)')).toMatchObject({ line: 1, column: 12, offset: 11 });
  });

  it('gives nothing for a message without a position or one outside the text', () => {
    expect(expressionPosition('tx.amount > 1', 'a rule expression must be a condition (bool)')).toBeUndefined();
    expect(expressionPosition('tx.amount > 1', 'x (line 3, column 1)')).toBeUndefined();
    expect(expressionPosition('tx.amount > 1', 'x (line 1, column 40)')).toBeUndefined();
  });
});
