import { randomFillSync } from 'node:crypto';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Cryptographically random bytes, drawn 4 KiB at a time (one call per ~400 ids instead of one per id). */
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function randomTenBytes(): number {
  if (poolOffset + 10 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const start = poolOffset;
  poolOffset += 10;
  return start;
}

/** The 10 time characters of a ULID (48 bits of milliseconds), into chars[0..9]. */
function writeTime(chars: string[], nowMs: number): void {
  let time = nowMs;
  for (let i = 9; i >= 0; i--) {
    chars[i] = alphabet[time % 32]!;
    time = Math.floor(time / 32);
  }
}

/**
 * The time part of {@link newId}: `prefix_` and the 10 time characters. A statement that makes ids
 * in the database appends 16 random characters of the same alphabet (upper-case hex is a subset).
 */
export function idTimePrefix(prefix: string, nowMs: number): string {
  const chars: string[] = new Array<string>(10);
  writeTime(chars, nowMs);
  return `${prefix}_${chars.join('')}`;
}

/**
 * A time-sortable identifier with a readable prefix: `dec_01JD3…` (a ULID body: 48 bits of
 * milliseconds, 80 random bits, Crockford base32). Sortable ids keep index inserts append-only.
 */
export function newId(prefix: string, nowMs: number = Date.now()): string {
  const chars: string[] = new Array<string>(26);
  writeTime(chars, nowMs);
  const start = randomTenBytes();
  let bits = 0;
  let value = 0;
  let index = 10;
  for (let offset = start; offset < start + 10; offset++) {
    value = ((value << 8) | pool[offset]!) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      chars[index++] = alphabet[(value >> bits) & 31]!;
    }
  }
  return `${prefix}_${chars.join('')}`;
}
