/**
 * One extended-protocol statement as PostgreSQL's frontend messages (Parse, Bind, Describe portal,
 * Execute, Sync), every parameter text or null, written into one buffer that is reused from call to
 * call. The bytes are those PGlite's own serialiser writes for the same messages; building them
 * there allocates several growing buffers per call (about 32 KB of ArrayBuffers for a 5 KB
 * parameter), and that churn is what made the embedded database's thread run a full garbage
 * collection several times a second under load.
 *
 * The buffer returned is valid until the next call: hand it to something that consumes it at once
 * (PGlite copies a message into the database before `execProtocolStream` first yields).
 */

/** Describe (portal, unnamed), Execute (unnamed portal, no row limit) and Sync, as constant bytes. */
const describeExecuteSync = Buffer.from([68, 0, 0, 0, 6, 80, 0, 69, 0, 0, 0, 9, 0, 0, 0, 0, 0, 83, 0, 0, 0, 4]);
/** A buffer kept for the next call only up to this size; a larger statement gets one of its own. */
const keptBytes = 1024 * 1024;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit. */
const maxBytesPerUnit = 3;

let kept = Buffer.allocUnsafe(64 * 1024);

function bufferFor(bytes: number): Buffer {
  if (bytes <= kept.length) return kept;
  if (bytes > keptBytes) return Buffer.allocUnsafe(bytes);
  kept = Buffer.allocUnsafe(Math.min(keptBytes, Math.max(bytes, kept.length * 2)));
  return kept;
}

/** Parse, Bind, Describe, Execute and Sync for `sql` with text (or null) `params`, in one buffer. */
export function extendedQueryMessage(sql: string, params: readonly (string | null)[]): Buffer {
  // Fixed bytes: Parse's type, length, name, the text's end and type count (9), Bind's type, length,
  // portal, statement, format count, value count and result-format count (13); per parameter, its
  // format code and its length (6); then the text and each value at their UTF-8 worst.
  let bound = 9 + 13 + 6 * params.length + describeExecuteSync.length + sql.length * maxBytesPerUnit;
  for (const param of params) if (param !== null) bound += param.length * maxBytesPerUnit;
  const out = bufferFor(bound);
  // Parse: unnamed statement, the text, no parameter types (PostgreSQL infers them).
  out[0] = 80;
  let at = 5;
  out[at++] = 0;
  at += out.write(sql, at, 'utf8');
  out[at++] = 0;
  at = out.writeInt16BE(0, at);
  out.writeInt32BE(at - 1, 1);
  // Bind: unnamed portal and statement, every parameter in text format, results in text.
  const bind = at;
  out[at] = 66;
  at += 5;
  out[at++] = 0;
  out[at++] = 0;
  at = out.writeUInt16BE(params.length, at);
  for (let index = 0; index < params.length; index++) at = out.writeInt16BE(0, at);
  at = out.writeUInt16BE(params.length, at);
  for (const param of params) {
    if (param === null) {
      at = out.writeInt32BE(-1, at);
      continue;
    }
    const written = out.write(param, at + 4, 'utf8');
    out.writeInt32BE(written, at);
    at += 4 + written;
  }
  at = out.writeInt16BE(0, at);
  out.writeInt32BE(at - bind - 1, bind + 1);
  at += describeExecuteSync.copy(out, at);
  return out.subarray(0, at);
}
