/** Characters of source text shown on each side of a quote. */
const contextLength = 140;

/** A quote's place in its source text: the text before, the quote itself, the text after (trimmed to some context). */
export interface QuoteInContext {
  before: string;
  quote: string;
  after: string;
  /** Whether text was left out before or after the context shown. */
  clippedBefore: boolean;
  clippedAfter: boolean;
}

/**
 * Finds a quote at its `start-end` span in its source text. Undefined when there is no text, the
 * span is malformed, or the text there is not the quote (the text changed since): the quote is
 * then shown alone, never highlighted at the wrong place.
 */
export function quoteInContext(text: string | null | undefined, span: string | undefined, quote: string | undefined): QuoteInContext | undefined {
  if (text === null || text === undefined || span === undefined || quote === undefined) return undefined;
  const match = /^(\d+)-(\d+)$/.exec(span);
  if (match === null) return undefined;
  const start = Number(match[1]);
  const end = Number(match[2]);
  if (end <= start || end > text.length || text.slice(start, end) !== quote) return undefined;
  const from = Math.max(0, start - contextLength);
  const to = Math.min(text.length, end + contextLength);
  return { before: text.slice(from, start), quote, after: text.slice(end, to), clippedBefore: from > 0, clippedAfter: to < text.length };
}

/** A quote highlighted where it stands in its source text; the quote alone when the text is not at hand. */
export function QuotedSpan({ text, span, quote, sourceLabel }: { text: string | null | undefined; span: string | undefined; quote: string | undefined; sourceLabel: string }) {
  const found = quoteInContext(text, span, quote);
  if (found === undefined) {
    return quote === undefined ? null : (
      <blockquote>
        “{quote}” <span className="muted">({sourceLabel} not at hand{span === undefined ? '' : `; characters ${span}`})</span>
      </blockquote>
    );
  }
  return (
    <blockquote className="in-source" aria-label={`Quote in ${sourceLabel}`}>
      {found.clippedBefore && '…'}
      {found.before}
      <mark>{found.quote}</mark>
      {found.after}
      {found.clippedAfter && '…'}
    </blockquote>
  );
}
