/** `A=1,B=2` as an environment (the BENCH_BASELINE_ENV form). */
export const parseEnv = (text: string | undefined): Record<string, string> =>
  Object.fromEntries((text ?? '').split(',').filter((pair) => pair.includes('=')).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
