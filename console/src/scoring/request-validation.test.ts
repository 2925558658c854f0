import { describe, expect, it } from 'vitest';
import { checkAgainstSchema, lineAndColumn, parseRequest, requestValidator } from './request-validation';
import { exampleScoreRequest } from './score-example';

const schema = {
  type: 'object',
  required: ['transaction'],
  properties: {
    transaction: {
      type: 'object',
      required: ['tx_id', 'amount'],
      properties: {
        tx_id: { type: 'string', minLength: 1 },
        amount: { anyOf: [{ type: 'number', minimum: 0 }, { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?$' }] },
        channel: { type: 'string', enum: ['card', 'pix'] },
      },
    },
  },
} as const;

describe('the manual-score request check', () => {
  it('locates a JSON syntax error by line and column', () => {
    const text = '{\n  "a": 1,\n  "b": }\n';
    const check = parseRequest(text);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems[0]?.path).toBe('line 3, column 8');
  });

  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });

  it('lists each schema problem once with its JSON pointer', () => {
    const validator = requestValidator(schema as never);
    const check = checkAgainstSchema(validator, { transaction: { amount: true, channel: 'fax' } });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.map((problem) => problem.path).sort()).toEqual(['/transaction', '/transaction/amount', '/transaction/channel']);
    expect(check.problems.find((problem) => problem.path === '/transaction')?.message).toContain('tx_id');
  });

  it('accepts a valid request', () => {
    const validator = requestValidator(schema as never);
    expect(checkAgainstSchema(validator, { transaction: { tx_id: 't', amount: '12.50' } }).ok).toBe(true);
  });

  it('starts from an example that is valid JSON with a fresh transaction id', () => {
    const first = parseRequest(exampleScoreRequest(new Date('2026-12-01T10:00:00Z')));
    const second = parseRequest(exampleScoreRequest(new Date('2026-12-01T10:00:01Z')));
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect((first.value as { transaction: { tx_id: string } }).transaction.tx_id).not.toBe((second.value as { transaction: { tx_id: string } }).transaction.tx_id);
  });
});

describe('the JSON syntax check', () => {
  it.each([
    ['{"a": [1, 2,]}', 'line 1, column 13'],
    ['{"a" 1}', 'line 1, column 6'],
    ["{'a': 1}", 'line 1, column 2'],
    ['{"a": 1} x', 'line 1, column 10'],
    ['{\n  "a": tru\n}', 'line 2, column 8'],
    ['{"a": 1', 'line 1, column 8'],
  ])('finds the first error of %j at %s', (text, where) => {
    expect(() => JSON.parse(text)).toThrow();
    const check = parseRequest(text);
    expect(check.ok ? 'parsed' : check.problems[0]?.path).toBe(where);
  });

  it.each(['{}', '[]', '{"a": [1, -2.5e3, "x\\n", true, null, {"b": {}}]}', ' 12 '])('parses %j like JSON.parse', (text) => {
    const check = parseRequest(text);
    expect(check.ok && check.value).toEqual(JSON.parse(text));
  });
});
