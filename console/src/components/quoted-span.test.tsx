// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { QuotedSpan, quoteInContext } from './quoted-span';

const text = 'Passport of Ivan PETROV, born 1970-03-02. Expires 2019-05-01. Number [document-number].';

describe('a quoted span in its source text', () => {
  it('finds the quote at its span with the text around it', () => {
    expect(quoteInContext(text, '50-60', '2019-05-01')).toEqual({ before: text.slice(0, 50), quote: '2019-05-01', after: text.slice(60), clippedBefore: false, clippedAfter: false });
  });

  it('clips a long text to some context on each side', () => {
    const long = `${'a'.repeat(500)}QUOTE${'b'.repeat(500)}`;
    const found = quoteInContext(long, '500-505', 'QUOTE')!;
    expect(found).toMatchObject({ quote: 'QUOTE', clippedBefore: true, clippedAfter: true });
    expect(found.before).toBe('a'.repeat(140));
    expect(found.after).toBe('b'.repeat(140));
  });

  it('refuses a span that does not hold the quote, a malformed or out-of-range span, and a missing text', () => {
    expect(quoteInContext(text, '49-59', '2019-05-01')).toBeUndefined();
    expect(quoteInContext(text, '50–60', '2019-05-01')).toBeUndefined();
    expect(quoteInContext(text, '80-200', 'x')).toBeUndefined();
    expect(quoteInContext(null, '50-60', '2019-05-01')).toBeUndefined();
  });

  it('marks only the quote in the rendered text, and shows the quote alone when the text is not at hand', async () => {
    const container = document.createElement('div');
    const root = createRoot(container);
    await act(async () => root.render(<QuotedSpan text={text} span="12-23" quote="Ivan PETROV" sourceLabel="the document" />));
    expect(container.querySelector('mark')!.textContent).toBe('Ivan PETROV');
    expect(container.querySelector('blockquote')!.textContent).toBe(text);
    expect(container.querySelector('blockquote')!.getAttribute('aria-label')).toBe('Quote in the document');
    await act(async () => root.render(<QuotedSpan text={null} span="12-23" quote="Ivan PETROV" sourceLabel="the document" />));
    expect(container.querySelector('mark')).toBeNull();
    expect(container.textContent).toBe('“Ivan PETROV” (the document not at hand; characters 12-23)');
    await act(async () => root.unmount());
  });
});
